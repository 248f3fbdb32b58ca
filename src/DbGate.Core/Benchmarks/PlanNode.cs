using System.Globalization;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// One node of an <c>EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON)</c> plan, with the figures the thresholds read.
/// Rows and removed rows are per loop, as EXPLAIN reports them; buffers include the node's children.
/// </summary>
public sealed record PlanNode(
    string NodeType,
    double StartupCost,
    double TotalCost,
    double PlanRows,
    double ActualRows,
    double Loops,
    long SharedHit,
    long SharedRead,
    IReadOnlyList<PlanNode> Children)
{
    public string? RelationName { get; init; }

    public string? Schema { get; init; }

    public string? Alias { get; init; }

    public string? IndexName { get; init; }

    /// <summary>Actual Total Time: milliseconds per loop, children included.</summary>
    public double ActualTotalTimeMs { get; init; }

    /// <summary>Milliseconds spent in this node itself, over all its loops.</summary>
    public double SelfTimeMs => Math.Max(0, ActualTotalTimeMs * Loops - Children.Sum(c => c.ActualTotalTimeMs * c.Loops));

    /// <summary>Removed by Filter, Join Filter and Index Recheck, per loop.</summary>
    public double RowsRemoved { get; init; }

    public string? Filter { get; init; }

    public string? IndexCondition { get; init; }

    /// <summary>Hash Cond or Merge Cond.</summary>
    public string? JoinCondition { get; init; }

    public string? JoinFilter { get; init; }

    public IReadOnlyList<string> SortKey { get; init; } = [];

    /// <summary>The columns the node returns (VERBOSE), such as <c>orders.id</c>.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    /// <summary>A sort that did not fit in work_mem.</summary>
    public bool SpilledToDisk { get; init; }

    public long Buffers => SharedHit + SharedRead;

    /// <summary>The node's own buffers, without its children's.</summary>
    public long SelfBuffers => Math.Max(0, Buffers - Children.Sum(c => c.Buffers));

    /// <summary>The node's own estimated cost, without its children's.</summary>
    public double SelfCost => Math.Max(0, TotalCost - Children.Sum(c => c.TotalCost));

    public bool Executed => Loops > 0;

    /// <summary>The share of the rows the node read that its filters threw away; null when none were removed.</summary>
    public double? RowsRemovedRatio => RowsRemoved > 0 ? RowsRemoved / (RowsRemoved + ActualRows) : null;

    /// <summary>How far the row estimate was off, as a factor ≥ 1 either way (q-error); null for a node never executed.</summary>
    public double? Misestimate => Executed ? Math.Max(Math.Max(ActualRows, 1) / Math.Max(PlanRows, 1), Math.Max(PlanRows, 1) / Math.Max(ActualRows, 1)) : null;

    /// <summary>The table as messages name it: <c>public.orders</c>.</summary>
    public string? Table => RelationName is null ? null : Schema is null ? RelationName : $"{Schema}.{RelationName}";

    /// <summary>Seq Scan on public.orders; Index Scan using orders_pkey on public.orders; Hash Join.</summary>
    public string Label
    {
        get
        {
            var index = IndexName is null ? "" : $" using {IndexName}";
            return Table is null ? NodeType + index : $"{NodeType}{index} on {Table}";
        }
    }

    /// <summary>True when the node reads <paramref name="table"/>, written as table or schema.table.</summary>
    public bool IsOn(string table)
    {
        if (RelationName is null)
            return false;
        var dot = table.LastIndexOf('.');
        return dot < 0
            ? string.Equals(RelationName, table, StringComparison.Ordinal)
            : string.Equals(RelationName, table[(dot + 1)..], StringComparison.Ordinal) && string.Equals(Schema, table[..dot], StringComparison.Ordinal);
    }

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<PlanNode> Descendants()
    {
        yield return this;
        foreach (var node in Children.SelectMany(c => c.Descendants()))
            yield return node;
    }

    /// <summary>The plan's shape: node types and tables, without figures, for comparing plans.</summary>
    public string Shape()
    {
        var children = Children.Count == 0 ? "" : $"({string.Join(", ", Children.Select(c => c.Shape()))})";
        return Label + children;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} (cost {TotalCost:0.##}, rows {ActualRows:0.##}/{PlanRows:0.##})");
}
