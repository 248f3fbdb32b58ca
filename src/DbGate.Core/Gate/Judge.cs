using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Rules;
using DbGate.Core.Rules.Lint;

namespace DbGate.Core.Gate;

/// <summary>Turns observed facts into the result model: every rule over every step, levels as configured.</summary>
internal static class Judge
{
    /// <param name="schemaFindings">The health checks' findings, levelled already (per schema and table, too).</param>
    public static GateResult Verdict(GateOptions options, string server, IReadOnlyList<StepFacts> facts, IReadOnlyList<Finding> schemaFindings, TimeSpan duration, string? interruption)
    {
        var byMigration = facts.GroupBy(f => f.Migration.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = Suppressions.Filter(facts.SelectMany(StepRules.Check), facts)
            .Select(finding => GeneratedSql.AtSource(finding, byMigration))
            .Select(finding => Levelled(options, finding))
            .Where(finding => finding.Level != Level.None)
            .Concat(schemaFindings)
            .ToList();
        var steps = facts.SelectMany(Steps).ToList();
        return new GateResult(options.ProjectRoot, server, steps, findings, duration, interruption is null, interruption);
    }

    /// <summary>dbgate.yml's <c>rules:</c>, then its overrides for the finding's file.</summary>
    public static Finding Levelled(GateOptions options, Finding finding) =>
        ForPath(options, options.RuleLevels.TryGetValue(finding.RuleId, out var level) ? finding with { Level = level } : finding);

    /// <summary>dbgate.yml's overrides: the last entry whose paths match the finding's file decides.</summary>
    private static Finding ForPath(GateOptions options, Finding finding)
    {
        if (finding.Location?.Path is not { } path)
            return finding;
        foreach (var entry in options.PathRuleLevels)
        {
            if (entry.Levels.TryGetValue(finding.RuleId, out var level) && entry.Patterns.Any(p => Glob.Matches(p, path)))
                finding = finding with { Level = level };
        }
        return finding;
    }

    private static IEnumerable<StepResult> Steps(StepFacts facts)
    {
        yield return Step(facts, Phase.Up, facts.Up);
        // A step with no down by design has no down or redo to report: the run says so once, not per step.
        if (facts.Migration.Down is null && !facts.Migration.DownExpected)
            yield break;
        yield return Step(facts, Phase.Down, facts.Down);
        yield return Step(facts, Phase.Redo, facts.Redo);
    }

    private static StepResult Step(StepFacts facts, Phase phase, ScriptRun run) =>
        new(facts.Migration.Id, phase, run.Outcome, run.Duration, run.Failure?.Message ?? run.Reason);
}
