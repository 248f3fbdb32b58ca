using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>An enum's labels in their sort order, less those a CHECK excludes. Written as text: binary COPY takes an enum's label as its bytes.</summary>
internal sealed class EnumType(IReadOnlyList<string> labels, string name) : ColumnType<string>
{
    private static readonly Writer<string> TextWriter = (importer, value) => importer.Write(value, NpgsqlDbType.Text);

    public override string Describe => $"enum {name} ({labels.Count} labels)";

    public override NpgsqlDbType? DbType => null;

    public override bool Widenable => false;

    /// <summary>For arrays of it, which Npgsql must name by type.</summary>
    public string Name => name;

    public override Writer<string> Writer => TextWriter;

    /// <summary>As text: Npgsql would need the enum in its type cache to read it, and the labels are text anyway.</summary>
    public override ServerValue AskValues(string sqlType, IReadOnlyList<string> values, ServerValues server) =>
        server.Ask<string[]>($"SELECT ARRAY(SELECT (v::{sqlType})::text FROM unnest($1::text[]) WITH ORDINALITY u(v, i) ORDER BY i)", values.ToArray());

    public override void Register(DomainSpec spec, ServerValues server)
    {
        Evaluate(spec, rule => rule switch
        {
            ListRule list => server.Ask<string[]>($"SELECT ARRAY(SELECT (v)::text FROM unnest({list.Array}) v)"),
            ComparisonRule { Operator: "=" or "<>" } comparison => server.Ask<string>($"SELECT (({comparison.Constant}))::text"),
            _ => null,
        });
        if (spec.Override is { Min: not null } or { Max: not null })
            throw new UnsatisfiableException("min and max bound numbers, dates, times and intervals, not enum labels; use values");
    }

    public override IValueDomain<string> BuildDomain(DomainSpec spec)
    {
        var allowed = labels.ToList();
        foreach (var (rule, value) in spec.Evaluated)
        {
            switch (rule, value)
            {
                case (ListRule { Excluded: var excluded }, ServerValue<string[]> { HasValue: true } list):
                    allowed = allowed.Where(l => list.Value!.Contains(l) != excluded).ToList();
                    break;
                case (ComparisonRule { Operator: var op }, ServerValue<string> { HasValue: true } label):
                    allowed = allowed.Where(l => (l == label.Value) == (op == "=")).ToList();
                    break;
                default:
                    spec.Unused.Add(rule);
                    break;
            }
        }
        return allowed.Count > 0 ? new ListDomain<string>(allowed) : throw new UnsatisfiableException("the CHECK excludes every label of the enum");
    }
}
