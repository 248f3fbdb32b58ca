using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>
/// text, varchar(n), char(n), name, citext, xml: words within the length the type and the CHECKs allow
/// (<c>length(x) &lt;= n</c>, <c>char_length(x) = 3</c>), or the values of an IN list.
/// </summary>
internal sealed class TextType(string describe, NpgsqlDbType dbType, int minLength, int maxLength, bool xml) : ColumnType<string>
{
    /// <summary>An unconstrained text column gets words of up to this many letters: names, not essays.</summary>
    private const int NaturalLength = 16;

    private readonly Writer<string> _writer = (importer, value) => importer.Write(value, dbType);

    public override string Describe => describe;

    public override NpgsqlDbType? DbType => dbType;

    public override Writer<string> Writer => _writer;

    public static TextType? For(SeedType type) => type.BaseName switch
    {
        "text" or "citext" => new TextType(type.BaseName, NpgsqlDbType.Text, 1, NaturalLength, xml: false),
        "varchar" => new TextType(Named("character varying", type.Length), NpgsqlDbType.Varchar, 1, type.Length is { } n ? Math.Min(n, NaturalLength) : NaturalLength, xml: false) { HardMax = type.Length },
        "bpchar" => type.Length is { } fixedLength
            ? new TextType(Named("character", fixedLength), NpgsqlDbType.Char, fixedLength, fixedLength, xml: false) { HardMax = fixedLength }
            : new TextType("character", NpgsqlDbType.Char, 1, NaturalLength, xml: false),
        "name" => new TextType("name", NpgsqlDbType.Name, 1, NaturalLength, xml: false) { HardMax = 63 },
        "xml" => new TextType("xml", NpgsqlDbType.Xml, 1, NaturalLength, xml: true),
        _ => null,
    };

    /// <summary>The type's own limit (varchar(n)), beyond which no CHECK or default may go.</summary>
    public int? HardMax { get; init; }

    public override void Register(DomainSpec spec, ServerValues server)
    {
        Evaluate(spec, rule => rule switch
        {
            LengthRule length => server.Ask<long>($"SELECT (({length.Constant}))::int8"),
            ListRule list => server.Ask<string[]>($"SELECT ARRAY(SELECT (v)::text FROM unnest({list.Array}) v)"),
            ComparisonRule { Operator: "=" or "<>" } comparison => server.Ask<string>($"SELECT (({comparison.Constant}))::text"),
            _ => null,
        });
        if (spec.Override is { Min: not null } or { Max: not null })
            throw new UnsatisfiableException($"min and max bound numbers, dates, times and intervals, not {describe}; use values or sql");
    }

    public override IValueDomain<string> BuildDomain(DomainSpec spec)
    {
        var (min, max, hard) = (minLength, maxLength, HardMax ?? int.MaxValue);
        HashSet<string>? allowed = null;
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, value) in spec.Evaluated)
        {
            switch (rule, value)
            {
                case (LengthRule l, ServerValue<long> { HasValue: true } n):
                    (min, max, hard) = Length(l.Operator, (int)Math.Clamp(n.Value, 0, 1 << 20), min, max, hard);
                    break;
                case (ListRule { Excluded: false }, ServerValue<string[]> { HasValue: true } list):
                    allowed = allowed is null ? [.. list.Value!] : [.. allowed.Intersect(list.Value!)];
                    break;
                case (ListRule { Excluded: true }, ServerValue<string[]> { HasValue: true } list):
                    excluded.UnionWith(list.Value!);
                    break;
                case (ComparisonRule { Operator: "=" }, ServerValue<string> { HasValue: true } text):
                    allowed = allowed is null ? [text.Value!] : [.. allowed.Where(a => a == text.Value)];
                    break;
                case (ComparisonRule { Operator: "<>" }, ServerValue<string> { HasValue: true } text):
                    excluded.Add(text.Value!);
                    break;
                default:
                    spec.Unused.Add(rule);
                    break;
            }
        }
        max = Math.Min(max, hard);
        if (allowed is not null)
        {
            var values = allowed.Where(a => !excluded.Contains(a) && a.Length <= hard).Order(StringComparer.Ordinal).ToList();
            return values.Count > 0 ? new ListDomain<string>(values) : throw new UnsatisfiableException("no value in the CHECK's list fits the column");
        }
        min = Math.Max(min, excluded.Contains("") ? 1 : 0);
        if (min > hard)
            throw new UnsatisfiableException($"the CHECK asks for at least {min} characters in a {describe}");
        if (max < min)
            max = min;
        // Addresses need room for "@example.com" beyond the word.
        var email = spec.Column.Contains("email", StringComparison.OrdinalIgnoreCase) && hard >= 24;
        if (email)
            max = Math.Min(hard, Math.Max(max, NaturalLength + 12));
        var domain = new TextDomain(min, max, spec.Capacity, email, spec.Stream);
        return xml ? new XmlDomain(domain) : domain;
    }

    /// <summary>Narrows [min, max] and the hard limit by one length condition.</summary>
    private static (int Min, int Max, int Hard) Length(string op, int n, int min, int max, int hard) => op switch
    {
        "=" => (n, n, Math.Min(hard, n)),
        "<" => (min, Math.Min(max, n - 1), Math.Min(hard, n - 1)),
        "<=" => (min, Math.Min(max, n), Math.Min(hard, n)),
        ">" => (Math.Max(min, n + 1), Math.Max(max, n + 1), hard),
        ">=" => (Math.Max(min, n), Math.Max(max, n), hard),
        _ => (min, max, hard),
    };

    private static string Named(string name, int? length) => length is { } n ? $"{name}({n})" : name;

    private sealed class XmlDomain(TextDomain words) : IValueDomain<string>
    {
        public long Size => words.Size;

        public string At(long index) => $"<v>{words.At(index)}</v>";
    }
}
