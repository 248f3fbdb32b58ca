using System.Globalization;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// What is wrong with each node of a plan, by the thresholds: forbidden, removing too many of the rows it reads,
/// misestimated, or where most of an excessive cost or buffer count is. For the plan tree of <c>dotnet dbgate explain</c>.
/// </summary>
public static class PlanMarks
{
    public static IReadOnlyDictionary<PlanNode, IReadOnlyList<string>> Of(ExplainedPlan plan, BenchmarkLimits limits)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(limits);
        var marks = new Dictionary<PlanNode, List<string>>(ReferenceEqualityComparer.Instance);
        void Mark(PlanNode node, string text)
        {
            if (!marks.TryGetValue(node, out var list))
                marks[node] = list = [];
            list.Add(text);
        }
        var nodes = plan.Root.Descendants().ToList();
        foreach (var node in nodes)
        {
            foreach (var forbid in limits.Forbid.Where(f => f.Matches(node)))
                Mark(node, $"forbidden (forbid: {forbid.Text})");
            if (node.RowsRemovedRatio is { } removed && removed > limits.MaxRowsRemovedRatio)
                Mark(node, Text($"removes {removed * 100:0.##}% of the rows it reads (max_rows_removed_ratio {limits.MaxRowsRemovedRatio})"));
            if (node.Misestimate is { } off && off > limits.MaxMisestimate)
                Mark(node, Text($"estimated {node.PlanRows:0.##} rows, returned {node.ActualRows:0.##} ({off:0.#}× off, max_misestimate {limits.MaxMisestimate})"));
        }
        if (plan.Root.TotalCost > limits.MaxCost)
            Mark(nodes.MaxBy(n => n.SelfCost)!, Text($"most of the cost {plan.Root.TotalCost:0.##} (max_cost {limits.MaxCost})"));
        if (plan.Root.Buffers > limits.MaxBuffers)
            Mark(nodes.MaxBy(n => n.SelfBuffers)!, Text($"most of the {plan.Root.Buffers} buffers (max_buffers {limits.MaxBuffers})"));
        var result = new Dictionary<PlanNode, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (node, list) in marks)
            result[node] = list;
        return result;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
