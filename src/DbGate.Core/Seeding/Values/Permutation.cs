namespace DbGate.Core.Seeding.Values;

/// <summary>
/// A pseudorandom bijection of [0, size): a four-round Feistel network on the smallest even number of bits that
/// holds size, cycle-walking past the values beyond it (fewer than four steps on average). Unique values are drawn
/// as permuted row numbers, so they never repeat and need no memory; hot Zipf ranks are scattered the same way,
/// as pgbench's permute() does, so the most frequent value is not always the smallest.
/// </summary>
internal sealed class Permutation
{
    private readonly ulong _size;
    private readonly int _half;
    private readonly ulong _mask;
    private readonly ulong[] _keys = new ulong[4];

    public Permutation(long size, ulong stream)
    {
        _size = (ulong)Math.Max(size, 1);
        var bits = 64 - ulong.LeadingZeroCount(_size - 1);
        _half = (int)Math.Max(1, (bits + 1) / 2);
        _mask = _half >= 64 ? ulong.MaxValue : (1UL << _half) - 1;
        for (var i = 0; i < _keys.Length; i++)
            _keys[i] = SeedHash.Derive(stream, i);
    }

    public long this[long index]
    {
        get
        {
            var x = (ulong)index;
            do
            {
                x = Round(x);
            }
            while (x >= _size);
            return (long)x;
        }
    }

    private ulong Round(ulong x)
    {
        var left = (x >> _half) & _mask;
        var right = x & _mask;
        foreach (var key in _keys)
            (left, right) = (right, left ^ (SeedHash.Mix(right ^ key) & _mask));
        return (left << _half) | right;
    }
}
