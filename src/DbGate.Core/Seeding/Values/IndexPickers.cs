namespace DbGate.Core.Seeding.Values;

/// <summary>
/// Chooses, for a row, which of a domain's values (or which parent row) it gets: an index in [0, size). A pure
/// function of the row, so columns sharing a picker (the columns of one foreign key) agree without coordination.
/// </summary>
internal interface IIndexPicker
{
    long Pick(long row);
}

internal sealed class UniformPicker(long size, ulong stream) : IIndexPicker
{
    public long Pick(long row) => SeedHash.Below(SeedHash.At(stream, row), size);
}

/// <summary>Zipf-ranked, with the ranks permuted so that the hottest value is not simply the first.</summary>
internal sealed class ZipfPicker(long size, double skew, ulong stream) : IIndexPicker
{
    private readonly ZipfSampler _sampler = new(size, skew);
    private readonly Permutation _scatter = new(size, SeedHash.Derive(stream, "scatter"));

    public long Pick(long row) => _scatter[_sampler.Sample(stream, row) - 1];
}

/// <summary>Index i with probability weight[i] / Σ weights.</summary>
internal sealed class WeightedPicker : IIndexPicker
{
    private readonly double[] _cumulative;
    private readonly ulong _stream;

    public WeightedPicker(IReadOnlyList<double> weights, ulong stream)
    {
        _stream = stream;
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
            _cumulative[i] = sum += weights[i];
    }

    public long Pick(long row)
    {
        var target = SeedHash.Unit(SeedHash.At(_stream, row)) * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        // A zero weight repeats its predecessor's cumulative value; never land on it.
        while (index < _cumulative.Length - 1 && (index == 0 ? _cumulative[0] : _cumulative[index] - _cumulative[index - 1]) <= 0)
            index++;
        return Math.Min(index, _cumulative.Length - 1);
    }
}

/// <summary>Row r gets index r: primary keys 1, 2, 3… as a sequence would give them.</summary>
internal sealed class SequentialPicker : IIndexPicker
{
    public static readonly SequentialPicker Instance = new();

    public long Pick(long row) => row;
}

/// <summary>Every row a different index, scattered over the whole domain.</summary>
internal sealed class PermutedPicker(long size, ulong stream) : IIndexPicker
{
    private readonly Permutation _permutation = new(size, stream);

    public long Pick(long row) => _permutation[row];
}

/// <summary>
/// One digit of a mixed-radix number drawn uniquely per row: the columns of a composite unique key together
/// take distinct tuples when none of them holds enough values alone.
/// </summary>
internal sealed class DigitPicker(IIndexPicker tuple, long divisor, long radix) : IIndexPicker
{
    public long Divisor => divisor;

    public long Tuple(long row) => tuple.Pick(row);

    public long Pick(long row) => tuple.Pick(row) / divisor % radix;
}

/// <summary>A row before this one (a self-reference that builds a tree, never a loop); row 0 has none (-1).</summary>
internal sealed class EarlierRowPicker(ulong stream) : IIndexPicker
{
    public long Pick(long row) => row == 0 ? -1 : SeedHash.Below(SeedHash.At(stream, row), row);
}
