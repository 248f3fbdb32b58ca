using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>The shape of an ordered type's values: a grid of k·step units, its hard limits and a soft default window.</summary>
/// <param name="Units">SQL turning a value of the type (the {0}) into numeric units: the value itself, days or seconds since 1970.</param>
internal sealed record GridShape(decimal Step, long Min, long Max, long DefaultLow, long DefaultWidth, string Units);

/// <summary>
/// Integers, numeric, floats, dates, timestamps, times and intervals: values k ↦ value on a grid. CHECK bounds, IN
/// lists and dbgate.yml's min/max arrive as units computed by the server; a side left open gets a default window
/// (integers 1…1000, dates 2020…2025), widened when a unique column needs more values than it holds.
/// </summary>
internal sealed class GridType<T>(string describe, NpgsqlDbType dbType, GridShape shape, Func<long, T> map, Func<decimal, T> fromUnits) : ColumnType<T>
{
    private readonly Writer<T> _writer = (importer, value) => importer.Write(value, dbType);

    public override string Describe => describe;

    public override NpgsqlDbType? DbType => dbType;

    public override Writer<T> Writer => _writer;

    public override void Register(DomainSpec spec, ServerValues server)
    {
        var baseType = spec.Type.BaseSqlName;
        Evaluate(spec, rule => rule switch
        {
            ComparisonRule comparison => server.Ask<decimal>($"SELECT {Units($"(({comparison.Constant}))::{baseType}")}"),
            ListRule list => server.Ask<decimal[]>($"SELECT ARRAY(SELECT {Units($"(v)::{baseType}")} FROM unnest({list.Array}) v)"),
            _ => null,
        });
        if (spec.Override?.Min is { } min)
            spec.Min = server.Ask<decimal>($"SELECT {Units($"($1::text)::{baseType}")}", min);
        if (spec.Override?.Max is { } max)
            spec.Max = server.Ask<decimal>($"SELECT {Units($"($1::text)::{baseType}")}", max);
    }

    public override IValueDomain<T> BuildDomain(DomainSpec spec)
    {
        var bounds = new GridBounds(shape.Step);
        foreach (var (rule, value) in spec.Evaluated)
        {
            switch (rule, value)
            {
                case (ComparisonRule c, ServerValue<decimal> { HasValue: true } units):
                    bounds.Compare(c.Operator, units.Value);
                    break;
                case (ListRule l, ServerValue<decimal[]> { HasValue: true } list):
                    bounds.List(list.Value!, l.Excluded);
                    break;
                default:
                    spec.Unused.Add(rule);
                    break;
            }
        }
        if (spec.Min is { HasValue: true } min)
            bounds.Compare(">=", min.Value);
        if (spec.Max is { HasValue: true } max)
            bounds.Compare("<=", max.Value);
        if (spec.LowK is { } lowK)
            bounds.Compare(">=", lowK * shape.Step);
        if (bounds.Allowed is { } allowed)
        {
            var values = allowed.Where(u => bounds.Admits(u, shape)).Order().Select(fromUnits).ToList();
            return values.Count > 0 ? new ListDomain<T>(values) : throw new UnsatisfiableException("no value in the CHECK's list is within its other bounds");
        }
        return new GridDomain<T>(bounds.Intervals(shape, spec.Capacity), map);
    }

    private string Units(string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, shape.Units, value);
}
