using DbGate.Core.Seeding.Values;

namespace DbGate.Tests.Seeding;

/// <summary>The arithmetic under the generator, without a server.</summary>
public sealed class ValueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(65537)]
    public void A_permutation_hits_every_index_exactly_once(long size)
    {
        var permutation = new Permutation(size, 12345);

        var seen = Enumerable.Range(0, (int)size).Select(i => permutation[i]).ToHashSet();

        Assert.Equal(size, seen.Count);
        Assert.All(seen, x => Assert.InRange(x, 0, size - 1));
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Zipf_ranks_follow_one_over_k_to_the_s(double skew)
    {
        const int n = 50;
        const int draws = 200_000;
        var sampler = new ZipfSampler(n, skew);
        var counts = new int[n + 1];
        for (var row = 0; row < draws; row++)
            counts[sampler.Sample(99, row)]++;

        var harmonic = Enumerable.Range(1, n).Sum(k => 1 / Math.Pow(k, skew));
        foreach (var k in new[] { 1, 2, 5, 20, 50 })
        {
            var expected = draws / Math.Pow(k, skew) / harmonic;
            Assert.InRange(counts[k], expected * 0.9 - 30, expected * 1.1 + 30);
        }
    }

    [Fact]
    public void The_platform_independent_logarithm_and_exponential_agree_with_the_runtimes()
    {
        foreach (var x in new[] { 1e-300, 1e-8, 0.3, 0.5, 1, 1.5, 2.5, 10, 1234.5678, 1e300 })
            Assert.Equal(Math.Log(x), DeterministicMath.Log(x), Math.Abs(Math.Log(x)) * 1e-14 + 1e-15);
        foreach (var x in new[] { -700, -20.5, -1, -1e-9, 0, 1e-9, 0.34, 1, 20.5, 700 })
            Assert.Equal(Math.Exp(x), DeterministicMath.Exp(x), Math.Exp(x) * 1e-14);
        foreach (var x in new[] { -0.3, -1e-10, 1e-10, 0.2, 0.39, 3 })
        {
            Assert.Equal(Math.Log(1 + x) is var l && Math.Abs(x) > 1e-6 ? l : x - x * x / 2, DeterministicMath.Log1p(x), Math.Abs(x) * 1e-12);
            Assert.Equal(Math.Exp(x) - 1 is var e && Math.Abs(x) > 1e-6 ? e : x + x * x / 2, DeterministicMath.Expm1(x), Math.Abs(x) * 1e-12);
        }
    }

    [Fact]
    public void Text_values_are_distinct_per_index_and_within_the_length()
    {
        var domain = new TextDomain(3, 6, capacity: 20_000, email: false, stream: 5);

        var values = Enumerable.Range(0, 20_000).Select(i => domain.At(i)).ToList();

        Assert.True(domain.Size >= 20_000);
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.InRange(v.Length, 3, 6));
    }

    [Fact]
    public void Uuids_are_distinct_and_version_four()
    {
        var domain = new UuidDomain(77);

        var values = Enumerable.Range(0, 100_000).Select(i => domain.At(i)).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values.Take(100), g => Assert.Equal('4', g.ToString()[14]));
    }
}
