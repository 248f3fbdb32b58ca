using System.Text.Json;

namespace DbGate.Core.Benchmarks;

/// <summary>One EXPLAIN ANALYZE of one query: the plan tree, its times, and PostgreSQL's JSON as it came.</summary>
/// <param name="Json">The whole EXPLAIN output, kept for the JSON report.</param>
public sealed record ExplainedPlan(PlanNode Root, double PlanningMs, double ExecutionMs, JsonElement Json)
{
    /// <summary>What a caller waits for: planning plus execution.</summary>
    public double TimeMs => PlanningMs + ExecutionMs;

    public static ExplainedPlan Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var top = document.RootElement[0];
        return new ExplainedPlan(
            Node(top.GetProperty("Plan")),
            Number(top, "Planning Time"),
            Number(top, "Execution Time"),
            document.RootElement.Clone());
    }

    private static PlanNode Node(JsonElement plan)
    {
        var children = plan.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray().Select(Node).ToList() : [];
        var join = Text(plan, "Hash Cond") ?? Text(plan, "Merge Cond");
        return new PlanNode(
            Text(plan, "Node Type") ?? "?",
            Number(plan, "Startup Cost"),
            Number(plan, "Total Cost"),
            Number(plan, "Plan Rows"),
            Number(plan, "Actual Rows"),
            Number(plan, "Actual Loops"),
            (long)Number(plan, "Shared Hit Blocks"),
            (long)Number(plan, "Shared Read Blocks"),
            children)
        {
            RelationName = Text(plan, "Relation Name"),
            Schema = Text(plan, "Schema"),
            Alias = Text(plan, "Alias"),
            IndexName = Text(plan, "Index Name"),
            ActualTotalTimeMs = Number(plan, "Actual Total Time"),
            RowsRemoved = Number(plan, "Rows Removed by Filter") + Number(plan, "Rows Removed by Join Filter") + Number(plan, "Rows Removed by Index Recheck"),
            Filter = Text(plan, "Filter"),
            IndexCondition = Text(plan, "Index Cond"),
            JoinCondition = join,
            JoinFilter = Text(plan, "Join Filter"),
            SortKey = Texts(plan, "Sort Key"),
            Output = Texts(plan, "Output"),
            SpilledToDisk = Text(plan, "Node Type") is "Sort" or "Incremental Sort" && (Text(plan, "Sort Space Type") == "Disk" || OwnTempWritten(plan) > 0),
        };
    }

    /// <summary>
    /// The temporary blocks this node wrote itself: EXPLAIN's figure includes its children's, so a top-N sort in memory
    /// above a function scan whose tuplestore spilled would otherwise count as a sort spilling to disk.
    /// </summary>
    private static double OwnTempWritten(JsonElement plan) =>
        Number(plan, "Temp Written Blocks")
        - (plan.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray().Sum(child => Number(child, "Temp Written Blocks")) : 0);

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Texts(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
