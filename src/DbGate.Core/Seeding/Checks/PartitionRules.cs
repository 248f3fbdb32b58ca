namespace DbGate.Core.Seeding.Checks;

/// <summary>
/// Rows must fall in some partition: for each partition key column bounded in every leaf, the union of the leaves'
/// ranges (from the least lower bound to the greatest upper one; LEAST and GREATEST are left to the server) or of
/// their lists. A gap between ranges is not seen; rows landing there are refused with a clear error.
/// </summary>
internal static class PartitionRules
{
    public static IEnumerable<CheckRule> Of(IReadOnlyList<string> leafBounds, IReadOnlySet<string> columns)
    {
        if (leafBounds.Count == 0)
            yield break;
        var leaves = leafBounds.Select(b => CheckRecognizer.Recognize($"CHECK ({b})", columns).Rules).ToList();
        foreach (var column in columns)
        {
            var lows = leaves.Select(r => r.OfType<ComparisonRule>().FirstOrDefault(c => c.Column == column && c.Operator == ">=")?.Constant).ToList();
            var highs = leaves.Select(r => r.OfType<ComparisonRule>().FirstOrDefault(c => c.Column == column && c.Operator == "<")?.Constant).ToList();
            if (lows.All(l => l is not null) && highs.All(h => h is not null))
            {
                yield return new ComparisonRule(column, ">=", $"LEAST({string.Join(", ", lows)})");
                yield return new ComparisonRule(column, "<", $"GREATEST({string.Join(", ", highs)})");
                continue;
            }
            // A one-value list prints as col = value.
            var lists = leaves.Select(r => r.OfType<ListRule>().FirstOrDefault(l => l.Column == column && !l.Excluded)?.Array
                ?? (r.OfType<ComparisonRule>().FirstOrDefault(c => c.Column == column && c.Operator == "=") is { } one ? $"ARRAY[{one.Constant}]" : null)).ToList();
            if (lists.All(l => l is not null))
                yield return new ListRule(column, $"({string.Join(" || ", lists)})", Excluded: false);
        }
    }
}
