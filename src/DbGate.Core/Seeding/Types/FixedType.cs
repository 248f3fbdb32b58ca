using System.Net.NetworkInformation;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>Types whose CHECKs DbGate does not read (boolean, uuid, json, bytea, network addresses): the domain only.</summary>
/// <param name="writer">For extension types Npgsql does not know: their binary form, sent as bytes COPY does not type-check.</param>
/// <param name="parameterType">How values travel as query parameters (text, which the statement casts), when not the wire type.</param>
internal sealed class FixedType<T>(
    string describe, NpgsqlDbType dbType, Func<DomainSpec, IValueDomain<T>> domain, bool widenable = true, Writer<T>? writer = null, NpgsqlDbType? parameterType = null) : ColumnType<T>
{
    private readonly Writer<T> _writer = writer ?? ((importer, value) => importer.Write(value, dbType));

    public override bool Widenable => widenable;

    public override NpgsqlDbType ParameterType => parameterType ?? dbType;

    public override string Describe => describe;

    public override NpgsqlDbType? DbType => dbType;

    public override Writer<T> Writer => _writer;

    public override void Register(DomainSpec spec, ServerValues server)
    {
        spec.Unused.AddRange(spec.Rules);
        if (spec.Override is { Min: not null } or { Max: not null })
            throw new UnsatisfiableException($"min and max bound numbers, dates, times and intervals, not {describe}; use values or sql");
    }

    public override IValueDomain<T> BuildDomain(DomainSpec spec) => domain(spec);
}

internal static class FixedTypes
{
    public static ColumnType? For(string baseName) => baseName switch
    {
        "bool" => new FixedType<bool>("boolean", NpgsqlDbType.Boolean, _ => BooleanDomain.Instance, widenable: false),
        "uuid" => new FixedType<Guid>("uuid", NpgsqlDbType.Uuid, s => new UuidDomain(s.Stream)),
        "json" => new FixedType<string>("json", NpgsqlDbType.Json, s => new JsonDomain(new TextDomain(3, 8, 1000, false, s.Stream))),
        "jsonb" => new FixedType<string>("jsonb", NpgsqlDbType.Jsonb, s => new JsonDomain(new TextDomain(3, 8, 1000, false, s.Stream))),
        "bytea" => new FixedType<byte[]>("bytea", NpgsqlDbType.Bytea, s => new ByteaDomain(s.Stream)),
        "inet" => new FixedType<NpgsqlInet>("inet", NpgsqlDbType.Inet, s => InetDomain<NpgsqlInet>.Inet(s.Capacity)),
        "cidr" => new FixedType<System.Net.IPNetwork>("cidr", NpgsqlDbType.Cidr, s => InetDomain<System.Net.IPNetwork>.Cidr(s.Capacity)),
        "macaddr" => new FixedType<PhysicalAddress>("macaddr", NpgsqlDbType.MacAddr, _ => MacAddressDomain.Instance),
        "tsvector" => new FixedType<string>(
            "tsvector", NpgsqlDbType.Text, s => new TsVectorDomain(new TextDomain(3, 8, s.Capacity, false, s.Stream)),
            writer: (importer, text) => importer.Write(TsVectorDomain.Binary(text), NpgsqlDbType.Bytea)),
        "ltree" => new FixedType<string>(
            "ltree", NpgsqlDbType.Text, s => new LTreeDomain(new TextDomain(3, 8, s.Capacity, false, s.Stream)),
            writer: (importer, text) => importer.Write(LTreeDomain.Binary(text), NpgsqlDbType.Bytea)),
        _ => null,
    };
}
