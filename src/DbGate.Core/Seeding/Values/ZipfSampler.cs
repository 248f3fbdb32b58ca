namespace DbGate.Core.Seeding.Values;

/// <summary>
/// Zipf ranks in [1, n] with P(k) ∝ 1/k^s, by Hörmann and Derflinger's rejection-inversion (1996): O(1) time and
/// memory whatever n is, so a million parents need no table. Each attempt takes a fresh uniform from the row's own
/// stream, so the draw stays a pure function of the row.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double _exponent;
    private readonly long _n;
    private readonly double _hIntegralX1;
    private readonly double _hIntegralN;
    private readonly double _s;

    public ZipfSampler(long n, double exponent)
    {
        _n = Math.Max(1, n);
        _exponent = exponent;
        _hIntegralX1 = HIntegral(1.5) - 1;
        _hIntegralN = HIntegral(_n + 0.5);
        _s = 2 - HIntegralInverse(HIntegral(2.5) - H(2));
    }

    /// <returns>A rank from 1 (the most frequent) to n.</returns>
    public long Sample(ulong stream, long row)
    {
        for (var attempt = 0L; ; attempt++)
        {
            var unit = SeedHash.Unit(SeedHash.At(SeedHash.Derive(stream, attempt), row));
            var u = _hIntegralN + unit * (_hIntegralX1 - _hIntegralN);
            var x = HIntegralInverse(u);
            var k = (long)(x + 0.5);
            k = Math.Clamp(k, 1, _n);
            if (k - x <= _s || u >= HIntegral(k + 0.5) - H(k))
                return k;
        }
    }

    private double H(double x) => DeterministicMath.Exp(-_exponent * DeterministicMath.Log(x));

    private double HIntegral(double x)
    {
        var logX = DeterministicMath.Log(x);
        return Helper2((1 - _exponent) * logX) * logX;
    }

    private double HIntegralInverse(double x)
    {
        var t = Math.Max(-1, x * (1 - _exponent));
        return DeterministicMath.Exp(Helper1(t) * x);
    }

    /// <summary>log(1 + x) / x, continuous at 0.</summary>
    private static double Helper1(double x) =>
        Math.Abs(x) > 1e-8 ? DeterministicMath.Log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));

    /// <summary>(exp(x) − 1) / x, continuous at 0.</summary>
    private static double Helper2(double x) =>
        Math.Abs(x) > 1e-8 ? DeterministicMath.Expm1(x) / x : 1 + x * 0.5 * (1 + x * (1.0 / 3) * (1 + 0.25 * x));
}
