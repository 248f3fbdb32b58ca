using DbGate.Core.Results;
using DbGate.Core.Rules.Benchmarks;

namespace DbGate.Core.Benchmarks;

/// <summary>Turns what the benchmarks saw into findings (levels as configured) and the figures reports show.</summary>
internal static class BenchmarkJudge
{
    /// <param name="baseline">The committed benchmark baseline and its tolerance; null or without a file to compare nothing.</param>
    /// <exception cref="Configuration.ConfigurationException">The baseline was measured under another dataset contract or server.</exception>
    public static (IReadOnlyList<Finding> Findings, BenchmarkRun? Run, IReadOnlyList<string> Notices) Judge(
        BenchmarkObservation? observed, string server, IReadOnlyDictionary<string, Level> levels, BenchmarkOptions? baseline = null, string? projectRoot = null)
    {
        if (observed is null)
            return ([], null, []);
        var notices = new List<string>();
        if (baseline?.Baseline is { } file)
            observed = Compared(observed, file, baseline, projectRoot, notices);
        var findings = observed.Queries.SelectMany(Check)
            .Select(f => levels.TryGetValue(f.RuleId, out var level) ? f with { Level = level } : f)
            .Where(f => f.Level != Level.None)
            .ToList();
        var queries = observed.Queries.SelectMany(facts => Rows(facts, levels)).ToList();
        return (findings, new BenchmarkRun(server, observed.ServerVersion, observed.Settings, observed.Dataset, queries) { Schema = observed.Schema, Contract = observed.Contract }, notices);
    }

    /// <summary>The observation with each query's baseline entries attached, after checking the baseline measured the same data.</summary>
    private static BenchmarkObservation Compared(BenchmarkObservation observed, Baseline.BenchmarkBaseline file, BenchmarkOptions options, string? projectRoot, List<string> notices)
    {
        var shown = projectRoot is null ? Path.GetFileName(options.BaselinePath!) : Migrations.ProjectPaths.Relative(projectRoot, options.BaselinePath!);
        var major = Baseline.DatasetContract.Major(observed.ServerVersion);
        var run = file.Runs.FirstOrDefault(r => r.Major == major)
            ?? throw new Configuration.ConfigurationException(
                $"{shown} holds benchmarks of PostgreSQL {string.Join(", ", file.Runs.Select(r => r.Major))}, not {major}: write it again with dotnet dbgate benchmark --update-baseline");
        if (run.Contract != observed.Contract)
            throw new Configuration.ConfigurationException(
                $"{shown} was measured with {run.Contract}, this run with {observed.Contract}: the figures do not compare; write it again with dotnet dbgate benchmark --update-baseline");
        // The baseline must have been measured at a point of this run's history: then the migrations since are the
        // change being checked, and only they can be blamed. Any other schema is another history (a branch behind the
        // one that wrote it, a migration edited since), whose figures say nothing about this one's migrations.
        IReadOnlyList<string> since = run.Schema == observed.Schema ? [] : observed.Changes.Since(run.Schema)
            ?? throw new Configuration.ConfigurationException(
                $"{shown} was measured on schema {run.Schema}, which this run's migrations never produced (its schema is {observed.Schema}): the baseline comes from another history of migrations (a branch this one is behind, or a migration edited since); merge that branch, or write it again with dotnet dbgate benchmark --update-baseline");
        notices.Add(since.Count == 0
            ? $"benchmarks compared with {shown} (same schema)"
            : $"benchmarks compared with {shown}, measured on the schema before {since[0]}; changed since by {string.Join(", ", since)}");
        return observed with
        {
            Queries = [.. observed.Queries.Select(q =>
            {
                var entries = run.Queries.Where(e => e.Name == q.Query.Name).ToList();
                var tables = q.Measured.SelectMany(m => m.Plan.Root.Descendants()).Select(n => n.Table).OfType<string>().Concat(entries.SelectMany(e => e.Access.Keys));
                return entries.Count == 0 ? q : q with { Baseline = new BaselineFacts(entries, options.Tolerance, observed.Changes.LastTouching(tables, since), shown) };
            })],
        };
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
