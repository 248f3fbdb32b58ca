using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG405: the plan holds a node type that forbid does not allow, anywhere in the tree.</summary>
public sealed class ForbiddenPlanNode : IBenchmarkRule
{
    public string Id => "DBG405";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        var found = facts.Measured
            .SelectMany(m => m.Plan.Root.Descendants().SelectMany(n => facts.Query.Limits.Forbid.Where(f => f.Matches(n)).Select(f => (m.Set, m.Plan, Node: n, Rule: f))))
            .ToList();
        if (found.Count == 0)
            yield break;
        var (set, plan, node, rule) = found.MaxBy(x => x.Node.SelfBuffers + x.Node.RowsRemoved);
        var details = new List<string> { $"plan: {Outline(plan.Root)}" };
        details.AddRange(found.Where(x => x.Node != node).Select(x => $"also {x.Node.Label} in {facts.Describe(x.Set)}").Distinct());
        yield return Create(Id, facts,
            $"{node.Label} in {facts.Describe(set)}{What(node)}, which forbid: [{rule.Text}] does not allow",
            details);
    }

    private static string What(PlanNode node)
    {
        if (node.SpilledToDisk)
            return " spilled to disk";
        if (node.RelationName is null)
            return "";
        var read = node.RowsRemoved + node.ActualRows;
        var removed = node.RowsRemoved > 0 ? $", kept {Number(node.ActualRows)}" : "";
        return $" (read {Number(read)} rows per loop{removed}, {node.SelfBuffers} buffers)";
    }
}
