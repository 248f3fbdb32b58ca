namespace DbGate.Core.Seeding.Values;

/// <summary>
/// The values a column may take, numbered 0 … Size − 1: distinct indexes give distinct values, so uniqueness is a
/// matter of picking distinct indexes, and "more unique values than the domain holds" is a comparison of counts.
/// </summary>
internal interface IValueDomain<out T>
{
    /// <summary>How many distinct values; <see cref="long.MaxValue"/> for "more than any table needs".</summary>
    long Size { get; }

    T At(long index);
}

/// <summary>The listed values in order: enum labels, IN lists, dbgate.yml values, parent keys read back.</summary>
internal sealed class ListDomain<T>(IReadOnlyList<T> values) : IValueDomain<T>
{
    public long Size => values.Count;

    public T At(long index) => values[(int)index];
}

/// <summary>
/// Values on a grid, k ↦ value, for k in a union of closed intervals: integers, numeric(p, s) steps, days, seconds.
/// Ranges from CHECK constraints and dbgate.yml become intervals; excluded values (<c>&lt;&gt;</c>, NOT IN) split them.
/// </summary>
internal sealed class GridDomain<T> : IValueDomain<T>
{
    private readonly long[] _starts;
    private readonly long[] _offsets;
    private readonly Func<long, T> _map;

    public GridDomain(IReadOnlyList<(long Low, long High)> intervals, Func<long, T> map)
    {
        _map = map;
        _starts = new long[intervals.Count];
        _offsets = new long[intervals.Count];
        var size = 0L;
        for (var i = 0; i < intervals.Count; i++)
        {
            _starts[i] = intervals[i].Low;
            _offsets[i] = size;
            size = Saturating.Add(size, Saturating.Add(Saturating.Subtract(intervals[i].High, intervals[i].Low), 1));
        }
        Size = size;
    }

    public long Size { get; }

    /// <summary>The smallest and largest grid points; <see cref="Contiguous"/> when nothing is excluded between them.</summary>
    public long Low => _starts[0];

    public long High => _starts[^1] + (Size - _offsets[^1] - 1);

    public bool Contiguous => _starts.Length == 1;

    public T At(long index) => _map(K(index));

    public T Map(long k) => _map(k);

    /// <summary>The grid point of an index: its interval by binary search over the running sizes.</summary>
    public long K(long index)
    {
        var i = Array.BinarySearch(_offsets, index);
        if (i < 0)
            i = ~i - 1;
        return _starts[i] + (index - _offsets[i]);
    }
}

internal static class Saturating
{
    public static long Add(long a, long b)
    {
        var sum = a + b;
        // Overflow iff both operands have the same sign and the sum's differs.
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    public static long Subtract(long a, long b) => b == long.MinValue ? Add(Add(a, long.MaxValue), 1) : Add(a, -b);

    public static long Multiply(long a, long b)
    {
        if (a == 0 || b == 0)
            return 0;
        var product = Math.BigMul(a, b, out var low);
        return product == 0 && low >= 0 || product == -1 && low < 0 ? low : (a < 0 ^ b < 0 ? long.MinValue : long.MaxValue);
    }
}
