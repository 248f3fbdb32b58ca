using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// One <c>forbid</c> entry: a plan node type as EXPLAIN names it (<c>Seq Scan</c>), optionally only on named tables
/// (<c>Seq Scan on orders, sales.items</c>), or <c>Sort spilling to disk</c> for a sort that did not fit in work_mem.
/// </summary>
/// <param name="Text">As written, for messages.</param>
/// <param name="Tables">table or schema.table; empty for every table.</param>
public sealed record ForbiddenNode(string Text, string NodeType, IReadOnlyList<string> Tables, bool OnlySpillingToDisk, SourceLocation? Location = null)
{
    public const string SortSpillingToDisk = "Sort spilling to disk";

    /// <summary>The node types PostgreSQL's EXPLAIN reports (nodes/plannodes.h, as explain.c names them).</summary>
    public static readonly IReadOnlyList<string> NodeTypes =
    [
        "Result", "ProjectSet", "ModifyTable", "Append", "Merge Append", "Recursive Union", "BitmapAnd", "BitmapOr",
        "Nested Loop", "Merge Join", "Hash Join", "Seq Scan", "Sample Scan", "Gather", "Gather Merge", "Index Scan",
        "Index Only Scan", "Bitmap Index Scan", "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan", "Subquery Scan",
        "Function Scan", "Table Function Scan", "Values Scan", "CTE Scan", "Named Tuplestore Scan", "WorkTable Scan",
        "Foreign Scan", "Custom Scan", "Materialize", "Memoize", "Sort", "Incremental Sort", "Group", "Aggregate",
        "WindowAgg", "Unique", "SetOp", "LockRows", "Limit", "Hash",
    ];

    /// <exception cref="ConfigurationException">An unknown node type, with the closest known one.</exception>
    public static ForbiddenNode Parse(string text, SourceLocation? location)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, SortSpillingToDisk, StringComparison.OrdinalIgnoreCase))
            return new ForbiddenNode(trimmed, "Sort", [], true, location);
        var on = trimmed.IndexOf(" on ", StringComparison.OrdinalIgnoreCase);
        var type = (on < 0 ? trimmed : trimmed[..on]).Trim();
        var known = NodeTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            var closest = EditDistance.Closest(type, NodeTypes.Append(SortSpillingToDisk), ignoreCase: true);
            throw new ConfigurationException($"'{text}' is not a plan node type{(closest is not null ? $" (did you mean '{closest}'?)" : "")}; write one as EXPLAIN names it, such as Seq Scan, optionally with 'on TABLE'");
        }
        var tables = on < 0 ? [] : trimmed[(on + 4)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (on >= 0 && tables.Length == 0)
            throw new ConfigurationException($"'{text}' names no table after 'on'");
        return new ForbiddenNode(trimmed, known, tables, false, location);
    }

    public bool Matches(PlanNode node)
    {
        if (!string.Equals(node.NodeType, NodeType, StringComparison.Ordinal) && !(OnlySpillingToDisk && node.NodeType == "Incremental Sort"))
            return false;
        if (OnlySpillingToDisk && !node.SpilledToDisk)
            return false;
        return Tables.Count == 0 || Tables.Any(node.IsOn);
    }
}
