using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG401: the plan's total estimated cost is above max_cost; names the node that costs most.</summary>
public sealed class PlanCostOverBudget : IBenchmarkRule
{
    public string Id => "DBG401";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (Worst(facts, facts.Query.Limits.MaxCost, p => p.Root.TotalCost, c => $"cost {Number(c)}") is not { } worst)
            yield break;
        var (set, plan, details) = worst;
        var costliest = plan.Root.Descendants().MaxBy(n => n.SelfCost)!;
        yield return Create(Id, facts,
            $"{facts.Describe(set)} costs {Number(plan.Root.TotalCost)}, above max_cost {Number(facts.Query.Limits.MaxCost!.Value)}; most of it is {costliest.Label} ({Number(costliest.SelfCost)})",
            details);
    }
}
