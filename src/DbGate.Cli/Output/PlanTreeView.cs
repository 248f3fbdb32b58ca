using System.Globalization;
using DbGate.Core.Benchmarks;
using Spectre.Console;

namespace DbGate.Cli.Output;

/// <summary>
/// <c>explain</c>'s plan as a tree: each node with its cost, rows against the estimate, buffers and time, its
/// conditions, and what the thresholds find wrong with it in red after a ◀, so it reads without colour too.
/// </summary>
internal static class PlanTreeView
{
    public static void Write(IAnsiConsole console, ExplainedPlan plan, IReadOnlyDictionary<PlanNode, IReadOnlyList<string>> marks)
    {
        var tree = new Tree(Label(plan.Root, marks)) { Guide = TreeGuide.Line };
        Add(tree, plan.Root, marks);
        console.Write(tree);
    }

    private static void Add(IHasTreeNodes parent, PlanNode node, IReadOnlyDictionary<PlanNode, IReadOnlyList<string>> marks)
    {
        foreach (var child in node.Children)
            Add(parent.AddNode(Label(child, marks)), child, marks);
    }

    private static string Label(PlanNode node, IReadOnlyDictionary<PlanNode, IReadOnlyList<string>> marks)
    {
        var figures = node.Executed
            ? Text($"cost {node.TotalCost:0.##}, rows {node.ActualRows:0.##} of {node.PlanRows:0.##} estimated, {node.Buffers} buffers, {node.ActualTotalTimeMs:0.###} ms{(node.Loops > 1 ? $" × {node.Loops:0} loops" : "")}")
            : Text($"cost {node.TotalCost:0.##}, never executed");
        var conditions = new[]
        {
            node.IndexCondition is { } index ? $"index cond {index}" : null,
            node.JoinCondition is { } join ? $"cond {join}" : null,
            node.Filter is { } filter ? $"filter {filter}" + (node.RowsRemoved > 0 ? Text($", removed {node.RowsRemoved:0.##}") : "") : null,
            node.SortKey.Count > 0 ? $"sort key {string.Join(", ", node.SortKey)}" : null,
        }.OfType<string>().ToList();
        var label = $"[bold]{Markup.Escape(node.Label)}[/]  [dim]{Markup.Escape(figures)}[/]";
        if (conditions.Count > 0)
            label += $"  {Markup.Escape(string.Join("; ", conditions))}";
        if (marks.TryGetValue(node, out var wrong))
            label += $"  [red]◀ {Markup.Escape(string.Join("; ", wrong))}[/]";
        return label;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
