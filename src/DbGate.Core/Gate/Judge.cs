using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Rules;

namespace DbGate.Core.Gate;

/// <summary>Turns observed facts into the result model: every rule over every step, levels as configured.</summary>
internal static class Judge
{
    public static GateResult Verdict(GateOptions options, string server, IReadOnlyList<StepFacts> facts, TimeSpan duration, string? interruption)
    {
        var findings = facts
            .SelectMany(step => StepRules.All.SelectMany(rule => rule.Check(step)))
            .Select(finding => options.RuleLevels.TryGetValue(finding.RuleId, out var level) ? finding with { Level = level } : finding)
            .Where(finding => finding.Level != Level.None)
            .ToList();
        var steps = facts.SelectMany(Steps).ToList();
        return new GateResult(options.ProjectRoot, server, steps, findings, duration, interruption is null, interruption);
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
