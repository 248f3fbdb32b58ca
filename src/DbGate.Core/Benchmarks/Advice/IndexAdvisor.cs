using DbGate.Core.Rules.Benchmarks;
using Npgsql;

namespace DbGate.Core.Benchmarks.Advice;

/// <summary>
/// Proves index advice: each candidate from the failing plan is created for real on the seeded database, inside a
/// transaction that is rolled back, and every parameter set is explained again with it. The best candidate is the one
/// that makes the plan thresholds pass, then the one that reads fewest buffers, then the cheapest, then the narrowest;
/// a candidate the planner does not use, or that improves nothing, is never advised.
/// </summary>
internal static class IndexAdvisor
{
    public static async Task<IndexAdvice?> AdviseAsync(ExplainSession session, QueryFacts facts, PreparedQuery prepared, CancellationToken cancellationToken)
    {
        var measured = facts.Measured.ToList();
        var tables = measured.SelectMany(m => m.Plan.Root.Descendants()).Select(n => n.Table).OfType<string>().Distinct().ToList();
        var columns = await session.ColumnsAsync(tables, cancellationToken);
        var candidates = measured.SelectMany(m => CandidateFinder.Find(m.Plan.Root, columns)).DistinctBy(c => c.Create(n => n, false)).Take(8).ToList();
        if (candidates.Count == 0)
            return null;
        var quoted = await session.QuoteAsync(candidates.SelectMany(c => c.Identifiers()), cancellationToken);
        string Quote(string name) => quoted[name];

        var trials = new List<(IndexCandidate Candidate, IReadOnlyList<ExplainedPlan> Plans, long Size, bool Passes)>();
        foreach (var candidate in candidates)
        {
            var trial = await session.TryIndexAsync(candidate.Create(Quote, concurrently: false), $"{Quote(candidate.Schema)}.{Quote(candidate.Name)}",
                prepared, [.. measured.Select(m => m.Set.Parameters)], cancellationToken);
            if (trial is not var (plans, size) || !plans.Any(p => p.Root.Descendants().Any(n => n.IndexName == candidate.Name)))
                continue;
            var with = facts with { Sets = [.. measured.Select((m, i) => m.Set with { Median = plans[i] })] };
            var passes = !BenchmarkRules.All.Where(r => PlanRules.Contains(r.Id)).SelectMany(r => r.Check(with)).Any();
            trials.Add((candidate, plans, size, passes));
        }
        var improving = trials
            .Where(t => Buffers(t.Plans) < Buffers(measured.Select(m => m.Plan)) || Cost(t.Plans) < 0.9 * Cost(measured.Select(m => m.Plan)))
            .ToList();
        // A page or two more is a tie (a deeper index, one more leaf), where the planner's cost, which sees a sort saved,
        // decides; then the narrower index, which is cheaper to keep up to date.
        var fewest = improving.Count == 0 ? 0 : improving.Min(t => Buffers(t.Plans));
        var best = improving
            .OrderBy(t => t.Passes ? 0 : 1).ThenBy(t => Buffers(t.Plans) <= fewest * 1.25 + 2 ? 0 : Buffers(t.Plans))
            .ThenBy(t => Cost(t.Plans)).ThenBy(t => t.Candidate.Width).ThenBy(t => t.Candidate.Where.Count)
            .Cast<(IndexCandidate Candidate, IReadOnlyList<ExplainedPlan> Plans, long Size, bool Passes)?>()
            .FirstOrDefault();
        if (best is not { } chosen)
            return null;
        var effects = measured.Select((m, i) => new AdviceEffect(
            facts.Describe(m.Set), m.Plan.Root.TotalCost, chosen.Plans[i].Root.TotalCost, m.Plan.Root.Buffers, chosen.Plans[i].Root.Buffers, BenchmarkFindings.Outline(chosen.Plans[i].Root)));
        return new IndexAdvice(chosen.Candidate.Create(Quote, concurrently: true), chosen.Passes, chosen.Size, candidates.Count, [.. effects]);
    }

    /// <summary>The rules an index can help with; time (DBG406) is not proven by one run, and a failing query (DBG400) has no plan.</summary>
    public static readonly IReadOnlySet<string> PlanRules = new HashSet<string>(StringComparer.Ordinal) { "DBG401", "DBG402", "DBG403", "DBG404", "DBG405" };

    /// <summary>The rules an index might mend, whose findings carry the advice.</summary>
    public static readonly IReadOnlySet<string> Mendable = new HashSet<string>(StringComparer.Ordinal) { "DBG401", "DBG402", "DBG403", "DBG405" };

    /// <summary>Whether the query broke a threshold an index might mend.</summary>
    public static bool Wanted(QueryFacts facts) =>
        BenchmarkRules.All.Where(r => Mendable.Contains(r.Id)).Any(r => r.Check(facts).Any());

    private static long Buffers(IEnumerable<ExplainedPlan> plans) => plans.Sum(p => p.Root.Buffers);

    private static double Cost(IEnumerable<ExplainedPlan> plans) => plans.Sum(p => p.Root.TotalCost);
}
