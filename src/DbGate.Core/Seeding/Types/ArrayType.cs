using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>
/// Arrays of a supported element type: one to three elements from the element's domain, its own domain CHECKs
/// included. CHECKs on the array as a whole (cardinality…) are not read.
/// </summary>
internal sealed class ArrayType<TElement>(ColumnType<TElement> element, SeedType elementType) : ColumnType<TElement[]>
{
    private readonly Writer<TElement[]> _writer = element.DbType is { } dbType
        ? (importer, value) => importer.Write(value, NpgsqlDbType.Array | dbType)
        : (importer, value) => importer.Write(value, ((EnumType)(object)element).Name + "[]");

    private DomainSpec? _elementSpec;

    public override string Describe => element.Describe + "[]";

    public override NpgsqlDbType? DbType => element.DbType is { } dbType ? NpgsqlDbType.Array | dbType : null;

    public override NpgsqlDbType ParameterType => NpgsqlDbType.Array | element.ParameterType;

    public override Writer<TElement[]> Writer => _writer;

    public override void Register(DomainSpec spec, ServerValues server)
    {
        spec.Unused.AddRange(spec.Rules);
        if (spec.Override is { Min: not null } or { Max: not null })
            throw new UnsatisfiableException("min and max bound numbers, dates, times and intervals, not arrays; use values or sql");
        var rules = CheckRule.OfDomain(elementType.DomainChecks, spec.Column).ToList();
        _elementSpec = new DomainSpec(spec.Column, elementType, rules, null, SeedHash.Derive(spec.Stream, "element"));
        element.Register(_elementSpec, server);
    }

    public override ServerValue AskValues(string sqlType, IReadOnlyList<string> values, ServerValues server) =>
        new ServerValueList<TElement[]>(values.Select(v => server.Ask<TElement[]>($"SELECT ($1::text)::{sqlType}", v)).ToList());

    public override IValueDomain<TElement[]> BuildDomain(DomainSpec spec)
    {
        _elementSpec!.Capacity = spec.Capacity;
        return new ArrayDomain<TElement>(element.BuildDomain(_elementSpec), spec.Stream);
    }
}

internal static class ArrayTypes
{
    public static ColumnType? Of(ColumnType element, SeedType elementType) => element switch
    {
        // Written as raw bytes of their own binary form: inside an array the server would see text elements.
        { Describe: "tsvector" or "ltree" } => null,
        ColumnType<short> t => new ArrayType<short>(t, elementType),
        ColumnType<int> t => new ArrayType<int>(t, elementType),
        ColumnType<long> t => new ArrayType<long>(t, elementType),
        ColumnType<decimal> t => new ArrayType<decimal>(t, elementType),
        ColumnType<float> t => new ArrayType<float>(t, elementType),
        ColumnType<double> t => new ArrayType<double>(t, elementType),
        ColumnType<DateOnly> t => new ArrayType<DateOnly>(t, elementType),
        ColumnType<DateTime> t => new ArrayType<DateTime>(t, elementType),
        ColumnType<TimeSpan> t => new ArrayType<TimeSpan>(t, elementType),
        ColumnType<string> t => new ArrayType<string>(t, elementType),
        ColumnType<bool> t => new ArrayType<bool>(t, elementType),
        ColumnType<Guid> t => new ArrayType<Guid>(t, elementType),
        _ => null,
    };
}
