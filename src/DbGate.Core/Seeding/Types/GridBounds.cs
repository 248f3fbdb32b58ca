using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Types;

/// <summary>Bounds, holes and lists on a grid, in units, turned into k intervals at the end.</summary>
internal sealed class GridBounds(decimal step)
{
    private readonly HashSet<decimal> _holes = [];
    private decimal? _low;
    private bool _lowExclusive;
    private decimal? _high;
    private bool _highExclusive;

    /// <summary>The values an IN list (or <c>=</c>) allows, when one was given; null for "any on the grid".</summary>
    public HashSet<decimal>? Allowed { get; private set; }

    public void Compare(string op, decimal units)
    {
        switch (op)
        {
            case ">" or ">=":
                if (_low is null || units > _low || (units == _low && op == ">"))
                    (_low, _lowExclusive) = (units, op == ">");
                break;
            case "<" or "<=":
                if (_high is null || units < _high || (units == _high && op == "<"))
                    (_high, _highExclusive) = (units, op == "<");
                break;
            case "=":
                List([units], excluded: false);
                break;
            case "<>":
                _holes.Add(units);
                break;
        }
    }

    public void List(IEnumerable<decimal> values, bool excluded)
    {
        if (excluded)
            _holes.UnionWith(values);
        else if (Allowed is null)
            Allowed = [.. values];
        else
            Allowed.IntersectWith(values);
    }

    public bool Admits(decimal units, GridShape shape) =>
        !_holes.Contains(units)
        && (_low is null || units > _low || (units == _low && !_lowExclusive))
        && (_high is null || units < _high || (units == _high && !_highExclusive))
        && units / step >= shape.Min && units / step <= shape.Max;

    /// <summary>[low, high] minus the holes; open sides take the default window, widened to hold <paramref name="capacity"/>.</summary>
    public IReadOnlyList<(long Low, long High)> Intervals(GridShape shape, long capacity)
    {
        var hardLow = _low is { } l ? Math.Max(shape.Min, ToK(l, up: true, _lowExclusive)) : shape.Min;
        var hardHigh = _high is { } h ? Math.Min(shape.Max, ToK(h, up: false, _highExclusive)) : shape.Max;
        if (hardLow > hardHigh)
            throw new UnsatisfiableException("the CHECK bounds (and min/max) leave no value");
        var low = _low is not null ? hardLow
            : shape.DefaultLow <= hardHigh ? Math.Max(hardLow, shape.DefaultLow)
            : Math.Max(hardLow, Saturating.Subtract(hardHigh, shape.DefaultWidth - 1));
        var high = _high is not null ? hardHigh : Math.Min(hardHigh, Saturating.Add(low, shape.DefaultWidth - 1));
        var holes = _holes.Select(u => u / step).Where(k => k == decimal.Truncate(k) && k >= shape.Min && k <= shape.Max).Select(k => (long)k).Order().ToList();
        // A unique column needs room for every row: widen the open sides, never the bounds a CHECK or min/max set.
        var needed = Saturating.Add(capacity, holes.Count);
        if (Saturating.Add(Saturating.Subtract(high, low), 1) < needed && _high is null)
            high = Math.Min(hardHigh, Saturating.Add(low, needed - 1));
        if (Saturating.Add(Saturating.Subtract(high, low), 1) < needed && _low is null)
            low = Math.Max(hardLow, Saturating.Subtract(high, needed - 1));
        var intervals = new List<(long, long)>();
        var start = low;
        foreach (var hole in holes.Where(k => k >= low && k <= high).Distinct())
        {
            if (hole > start)
                intervals.Add((start, hole - 1));
            start = hole + 1;
        }
        if (start <= high)
            intervals.Add((start, high));
        return intervals.Count > 0 ? intervals : throw new UnsatisfiableException("the CHECK bounds and excluded values leave no value");
    }

    private long ToK(decimal units, bool up, bool exclusive)
    {
        var q = units / step;
        var k = up ? decimal.Ceiling(q) : decimal.Floor(q);
        if (exclusive && k == q)
            k += up ? 1 : -1;
        return k >= long.MaxValue ? long.MaxValue : k <= long.MinValue ? long.MinValue : (long)k;
    }
}
