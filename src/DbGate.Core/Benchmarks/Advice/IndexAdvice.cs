using System.Globalization;

namespace DbGate.Core.Benchmarks.Advice;

/// <summary>The best index candidate, built for real on the seeded database and measured, then rolled back.</summary>
/// <param name="Statement">Ready for a migration of its own: <c>CREATE INDEX CONCURRENTLY …</c>.</param>
/// <param name="PassesPlanThresholds">With the index, every parameter set passes max_cost, max_buffers, max_rows_removed_ratio, max_misestimate and forbid.</param>
/// <param name="Tried">Candidates built and measured.</param>
public sealed record IndexAdvice(string Statement, bool PassesPlanThresholds, long SizeBytes, int Tried, IReadOnlyList<AdviceEffect> Effects)
{
    /// <summary>The finding's detail lines: the statement, what it did to each parameter set, and how it was proven.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"advice: {Statement};";
        foreach (var effect in Effects)
            yield return string.Create(CultureInfo.InvariantCulture, $"with it, {effect.Benchmark}: cost {Number(effect.CostBefore)} → {Number(effect.CostAfter)}, buffers {effect.BuffersBefore} → {effect.BuffersAfter}; plan {effect.PlanAfter}");
        var verdict = PassesPlanThresholds ? "the query then passes its plan thresholds" : "the best candidate, though the query still breaks a plan threshold with it";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{verdict}; measured by building it on the seeded data in a transaction rolled back ({Tried} {(Tried == 1 ? "candidate" : "candidates")} tried, {SizeBytes / 1024} kB)");
    }

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}

/// <param name="Benchmark">The query and parameter set, as findings name them.</param>
/// <param name="PlanAfter">The plan's outline with the index.</param>
public sealed record AdviceEffect(string Benchmark, double CostBefore, double CostAfter, long BuffersBefore, long BuffersAfter, string PlanAfter);
