using DbGate.Core.Benchmarks;
using DbGate.Core.Benchmarks.Baseline;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG408: against the committed baseline, a table the plan read through an index is now read by a sequential scan.</summary>
public sealed class PlanShapeChanged : IBenchmarkRule
{
    private static readonly string[] IndexAccess = ["Index Scan", "Index Only Scan", "Bitmap Heap Scan"];

    public string Id => "DBG408";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (facts.Baseline is not { } baseline)
            yield break;
        foreach (var (set, plan) in facts.Measured)
        {
            if (baseline.For(set) is not { } entry)
                continue;
            var now = BaselineEntry.AccessOf(plan.Root);
            foreach (var (table, before) in entry.Access)
            {
                var after = now.GetValueOrDefault(table) ?? [];
                if (!before.Any(IsIndex) || after.Any(IsIndex) || !after.Contains("Seq Scan"))
                    continue;
                yield return BenchmarkFindings.Create(Id, facts,
                    $"{facts.Describe(set)} reads {table} by Seq Scan; the baseline read it by {string.Join(" and ", before.Where(IsIndex))}{baseline.BlameText}",
                    [$"baseline ({baseline.File}): {entry.Shape}", $"now: {plan.Root.Shape()}"]);
            }
        }
    }

    private static bool IsIndex(string access) => IndexAccess.Any(a => access == a || access.StartsWith(a + " using ", StringComparison.Ordinal));
}
