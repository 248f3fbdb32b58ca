using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG403: a node throws away more of the rows it reads than max_rows_removed_ratio allows: work an index would not do.</summary>
public sealed class RowsRemovedOverBudget : IBenchmarkRule
{
    public string Id => "DBG403";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (facts.Query.Limits.MaxRowsRemovedRatio is not { } max)
            yield break;
        var over = facts.Measured
            .SelectMany(m => m.Plan.Root.Descendants().Where(n => n.RowsRemovedRatio > max).Select(n => (m.Set, m.Plan, Node: n)))
            .OrderByDescending(x => x.Node.RowsRemovedRatio).ThenByDescending(x => x.Node.RowsRemoved)
            .ToList();
        if (over.Count == 0)
            yield break;
        var (set, plan, node) = over[0];
        var by = node.Filter is { } filter ? $", by its filter {filter}" : "";
        var details = new List<string> { $"plan: {Outline(plan.Root)}" };
        details.AddRange(over.Skip(1).Select(x => $"also {x.Node.Label} in {facts.Describe(x.Set)}: {Percent(x.Node.RowsRemovedRatio!.Value)}"));
        yield return Create(Id, facts,
            $"{node.Label} in {facts.Describe(set)} removes {Percent(node.RowsRemovedRatio!.Value)} of the rows it reads ({Number(node.RowsRemoved)} of {Number(node.RowsRemoved + node.ActualRows)} per loop{by}), above max_rows_removed_ratio {Number(max)}",
            details);
    }
}
