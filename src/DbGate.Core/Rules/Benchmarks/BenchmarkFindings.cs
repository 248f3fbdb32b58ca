using System.Globalization;
using DbGate.Core.Benchmarks;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>Builds benchmark findings: at the query's entry in dbgate.yml, with the plan and every parameter set's figure as details.</summary>
internal static class BenchmarkFindings
{
    public static Finding Create(string ruleId, QueryFacts facts, string message, IEnumerable<string>? details = null, SourceLocation? location = null)
    {
        // The proven index goes with every finding it mends, so each reads whole in SARIF.
        var advice = facts.Advice is { } a && Core.Benchmarks.Advice.IndexAdvisor.Mendable.Contains(ruleId) ? a.Lines() : [];
        // The query is the subject: a findings baseline keys on it, and a version matrix merges by it.
        return new(ruleId, RuleCatalog.Get(ruleId).DefaultLevel, message, location ?? facts.Query.Location, Details: [.. details ?? [], .. advice])
        {
            Subject = $"benchmark {facts.Query.Name}",
        };
    }

    /// <summary>
    /// The worst parameter set by <paramref name="figure"/> among those above <paramref name="limit"/>, with a detail
    /// line per parameter set over it; null when none is over.
    /// </summary>
    public static (ParameterSetRun Set, ExplainedPlan Plan, List<string> Details)? Worst(
        QueryFacts facts, double? limit, Func<ExplainedPlan, double> figure, Func<double, string> shown)
    {
        if (limit is not { } max)
            return null;
        var over = facts.Measured.Where(m => figure(m.Plan) > max).OrderByDescending(m => figure(m.Plan)).ToList();
        if (over.Count == 0)
            return null;
        var details = new List<string> { $"plan: {Outline(over[0].Plan.Root)}" };
        details.AddRange(over.Skip(1).Select(m => $"also {facts.Describe(m.Set)}: {shown(figure(m.Plan))}"));
        return (over[0].Set, over[0].Plan, details);
    }

    /// <summary>The plan from the root down, one node per step: Limit → Sort → Seq Scan on public.orders.</summary>
    public static string Outline(PlanNode root)
    {
        var labels = new List<string>();
        for (var node = root; ; node = node.Children.MaxBy(c => c.TotalCost)!)
        {
            labels.Add(node.Children.Count > 1 ? $"{node.Label} ({node.Children.Count} inputs)" : node.Label);
            if (node.Children.Count == 0)
                break;
        }
        return string.Join(" → ", labels);
    }

    public static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString(ratio >= 0.995 && ratio < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";
}
