using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG404: at some node the planner's row estimate is off by more than max_misestimate, either way.</summary>
public sealed class RowsMisestimated : IBenchmarkRule
{
    public string Id => "DBG404";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (facts.Query.Limits.MaxMisestimate is not { } max)
            yield break;
        var over = facts.Measured
            .SelectMany(m => m.Plan.Root.Descendants().Where(n => n.Misestimate > max).Select(n => (m.Set, m.Plan, Node: n)))
            .OrderByDescending(x => x.Node.Misestimate)
            .ToList();
        if (over.Count == 0)
            yield break;
        var (set, plan, node) = over[0];
        var details = new List<string> { $"plan: {Outline(plan.Root)}" };
        details.AddRange(over.Skip(1).Select(x => $"also {x.Node.Label} in {facts.Describe(x.Set)}: {Number(x.Node.Misestimate!.Value)}× off"));
        yield return Create(Id, facts,
            $"{node.Label} in {facts.Describe(set)} was estimated at {Number(node.PlanRows)} rows and returned {Number(node.ActualRows)} per loop ({Number(node.Misestimate!.Value)}× off), above max_misestimate {Number(max)}",
            details);
    }
}
