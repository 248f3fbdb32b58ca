using DbGate.Core.Results;
using DbGate.Core.Rules.Benchmarks;

namespace DbGate.Core.Benchmarks;

/// <summary>Turns what the benchmarks saw into findings (levels as configured) and the figures reports show.</summary>
internal static class BenchmarkJudge
{
    public static (IReadOnlyList<Finding> Findings, BenchmarkRun? Run) Judge(BenchmarkObservation? observed, string server, IReadOnlyDictionary<string, Level> levels)
    {
        if (observed is null)
            return ([], null);
        var findings = observed.Queries.SelectMany(Check)
            .Select(f => levels.TryGetValue(f.RuleId, out var level) ? f with { Level = level } : f)
            .Where(f => f.Level != Level.None)
            .ToList();
        var queries = observed.Queries.SelectMany(facts => Rows(facts, levels)).ToList();
        return (findings, new BenchmarkRun(server, observed.ServerVersion, observed.Settings, observed.Dataset, queries));
    }

    private static IEnumerable<Finding> Check(QueryFacts facts) => BenchmarkRules.All.SelectMany(rule => rule.Check(facts));

    private static IEnumerable<QueryBenchmark> Rows(QueryFacts facts, IReadOnlyDictionary<string, Level> levels)
    {
        if (facts.Failure is { } failure)
        {
            yield return new QueryBenchmark(facts.Query.Name, [], facts.Query.Limits, 0, null, failure.Message) { Findings = ["DBG400"] };
            yield break;
        }
        foreach (var set in facts.Sets)
        {
            // The rules over this parameter set alone: which thresholds this row of the table broke.
            var broken = Check(facts with { Sets = [set] })
                .Where(f => !levels.TryGetValue(f.RuleId, out var level) || level != Level.None)
                .Select(f => f.RuleId).Distinct().ToList();
            if (set.Median is not { } plan)
            {
                yield return new QueryBenchmark(facts.Query.Name, set.Parameters, facts.Query.Limits, 0, null, set.Failure?.Message) { Findings = broken };
                continue;
            }
            yield return new QueryBenchmark(facts.Query.Name, set.Parameters, facts.Query.Limits, set.TimesMs.Count, Figures(plan), null)
            {
                Plan = plan.Json,
                Shape = plan.Root.Shape(),
                Findings = broken,
            };
        }
    }

    private static BenchmarkFigures Figures(ExplainedPlan plan)
    {
        var nodes = plan.Root.Descendants().ToList();
        var removed = nodes.Where(n => n.RowsRemovedRatio is not null).MaxBy(n => n.RowsRemovedRatio);
        var misestimated = nodes.Where(n => n.Misestimate is not null).MaxBy(n => n.Misestimate);
        return new BenchmarkFigures(
            plan.TimeMs, plan.PlanningMs, plan.ExecutionMs, plan.Root.TotalCost, plan.Root.SharedHit, plan.Root.SharedRead,
            removed?.RowsRemovedRatio, removed?.Label, misestimated?.Misestimate, misestimated?.Label);
    }
}
