using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>
/// DBG406: the median run took longer than max_time_ms. A timing finding, apart from the plan findings: the same plan
/// takes longer on a busy CI machine, so it warns by default while the plan rules fail.
/// </summary>
public sealed class QueryTimeOverBudget : IBenchmarkRule
{
    public string Id => "DBG406";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        var max = facts.Query.Limits.MaxTimeMs;
        if (Worst(facts, max, p => p.TimeMs, t => $"{Number(t)} ms") is not { } worst)
            yield break;
        var (set, plan, details) = worst;
        var slowest = plan.Root.Descendants().MaxBy(n => n.SelfTimeMs)!;
        var runs = set.TimesMs.Count == 1 ? "1 run" : $"median of {set.TimesMs.Count} runs";
        yield return Create(Id, facts,
            $"{facts.Describe(set)} took {Number(plan.TimeMs)} ms ({runs}), above max_time_ms {Number(max)}; most of it in {slowest.Label} ({Number(slowest.SelfTimeMs)} ms)",
            details);
    }
}
