using System.Globalization;
using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using static DbGate.Core.Rules.Benchmarks.BenchmarkFindings;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>
/// DBG407: against the committed baseline, the plan's cost or buffers grew past the tolerance. Changes under 10 (cost
/// units or pages) are left alone: a page more is not a regression.
/// </summary>
public sealed class BenchmarkRegressed : IBenchmarkRule
{
    private const double Floor = 10;

    public string Id => "DBG407";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (facts.Baseline is not { } baseline)
            yield break;
        var worse = facts.Measured
            .Select(m => (m.Set, m.Plan, Entry: baseline.For(m.Set)))
            .Where(x => x.Entry is not null)
            .SelectMany(x => new[]
            {
                (x.Set, x.Plan, x.Entry!, What: "shared buffers", Before: (double)x.Entry!.Buffers, After: (double)x.Plan.Root.Buffers),
                (x.Set, x.Plan, x.Entry!, What: "cost", Before: x.Entry!.Cost, After: x.Plan.Root.TotalCost),
            })
            .Where(x => x.After - x.Before >= Floor && x.After > x.Before * (1 + baseline.Tolerance))
            .OrderByDescending(x => x.After / Math.Max(x.Before, 1))
            .ToList();
        if (worse.Count == 0)
            yield break;
        var (set, plan, entry, what, before, after) = worse[0];
        var percent = ((after / Math.Max(before, 1) - 1) * 100).ToString("0", CultureInfo.InvariantCulture);
        var verb = what == "cost" ? "costs" : "reads";
        yield return Create(Id, facts,
            $"{facts.Describe(set)} {verb} {Number(after)}{(what == "cost" ? "" : " shared buffers")}, {percent}% more than the baseline's {Number(before)} (tolerance {Number(baseline.Tolerance * 100)}%){baseline.BlameText}",
            [
                $"baseline ({baseline.File}): cost {Number(entry.Cost)}, {entry.Buffers} buffers, plan {entry.Shape}",
                $"now: cost {Number(plan.Root.TotalCost)}, {plan.Root.Buffers} buffers, plan {plan.Root.Shape()}",
                .. worse.Skip(1).Select(x => $"also {facts.Describe(x.Set)}: {x.What} {Number(x.Before)} → {Number(x.After)}").Distinct(),
            ]);
    }
}
