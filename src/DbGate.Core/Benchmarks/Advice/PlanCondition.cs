namespace DbGate.Core.Benchmarks.Advice;

/// <summary>What one conjunct of a plan's filter, join or sort key asks of one column of the scanned table.</summary>
internal enum ConditionKind
{
    Equality,
    Range,
    IsNull,
    IsNotNull,
}

/// <param name="Column">The column's name, unquoted.</param>
internal sealed record PlanCondition(string Column, ConditionKind Kind);

/// <summary>A sort key on a column of the scanned table: <c>orders.placed_at DESC NULLS LAST</c>.</summary>
internal sealed record SortColumn(string Column, bool Descending, string? Nulls);
