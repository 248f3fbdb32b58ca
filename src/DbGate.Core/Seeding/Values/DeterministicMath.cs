namespace DbGate.Core.Seeding.Values;

/// <summary>
/// Logarithm and exponential from IEEE-754's correctly rounded +, −, ×, ÷ only. Math.Log and Math.Exp come from
/// the platform's C library and may differ in the last bit between machines; a Zipf draw that lands on such a
/// boundary would then pick another row, and "same seed, same rows" would hold only per machine.
/// </summary>
internal static class DeterministicMath
{
    // ln 2 in two parts (fdlibm's): k · Ln2High is exact for the k used here, so reduction loses no digits.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    public static double Log(double x)
    {
        if (!(x > 0))
            return x == 0 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x))
            return x;
        // x = m · 2^e with m in [√½, √2): exact, by moving the exponent bits.
        var e = Math.ILogB(x);
        var m = Math.ScaleB(x, -e);
        if (m > 1.4142135623730951)
        {
            m /= 2;
            e++;
        }
        return e * Ln2High + (e * Ln2Low + Log1pSeries((m - 1) / (m + 1)));
    }

    public static double Exp(double x)
    {
        if (x > 709.78)
            return double.PositiveInfinity;
        if (x < -745.2)
            return 0;
        var k = Math.Round(x / (Ln2High + Ln2Low));
        var r = x - k * Ln2High - k * Ln2Low;
        return Math.ScaleB(ExpSeries(r), (int)k);
    }

    /// <summary>log(1 + x), accurate also for tiny x.</summary>
    public static double Log1p(double x) => Math.Abs(x) < 0.4 ? Log1pSeries(x / (2 + x)) : Log(1 + x);

    /// <summary>exp(x) − 1, accurate also for tiny x.</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) >= 0.35)
            return Exp(x) - 1;
        // x · (1 + x/2 · (1 + x/3 · (1 + …))), so no 1 is added and then taken away.
        var sum = 1.0;
        for (var n = 18; n >= 2; n--)
            sum = 1 + sum * x / n;
        return x * sum;
    }

    /// <summary>2·atanh(t) = log((1 + t) / (1 − t)), for |t| ≤ 0.18.</summary>
    private static double Log1pSeries(double t)
    {
        var t2 = t * t;
        var sum = 0.0;
        for (var n = 23; n >= 1; n -= 2)
            sum = sum * t2 + 1.0 / n;
        return 2 * t * sum;
    }

    /// <summary>Taylor series of exp(r), for |r| ≤ 0.35, evaluated by Horner's rule.</summary>
    private static double ExpSeries(double r)
    {
        var sum = 1.0;
        for (var n = 18; n >= 1; n--)
            sum = 1 + sum * r / n;
        return sum;
    }
}
