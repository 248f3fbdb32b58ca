using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG402: the plan touches more shared buffers (hit + read) than max_buffers; names the node that touches most.</summary>
public sealed class PlanBuffersOverBudget : IBenchmarkRule
{
    public string Id => "DBG402";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (Worst(facts, facts.Query.Limits.MaxBuffers, p => p.Root.Buffers, b => $"{Number(b)} buffers") is not { } worst)
            yield break;
        var (set, plan, details) = worst;
        var root = plan.Root;
        var heaviest = root.Descendants().MaxBy(n => n.SelfBuffers)!;
        yield return Create(Id, facts,
            $"{facts.Describe(set)} reads {root.Buffers} shared buffers ({root.SharedHit} hit, {root.SharedRead} read), above max_buffers {facts.Query.Limits.MaxBuffers}; most of them in {heaviest.Label} ({heaviest.SelfBuffers})",
            details);
    }
}
