using DbGate.Core.Results;
using static DbGate.Tests.CrossCheck.StepVerdict;

namespace DbGate.Tests.CrossCheck;

/// <summary>DbGate's verdict on each migration, read from the findings of its public result.</summary>
internal static class GateVerdicts
{
    public static IReadOnlyDictionary<string, StepVerdict> From(GateResult result)
    {
        var redoFailed = result.Steps.Where(s => s.Phase == Phase.Redo && s.Outcome == Outcome.Failed).Select(s => s.Migration).ToHashSet(StringComparer.Ordinal);
        var findings = result.Findings.Where(f => f.Migration is not null).ToLookup(f => f.Migration!, StringComparer.Ordinal);
        return result.Steps.Select(s => s.Migration).Distinct(StringComparer.Ordinal).ToDictionary(
            id => id,
            id => Verdict(findings[id].ToList(), redoFailed.Contains(id)),
            StringComparer.Ordinal);
    }

    private static StepVerdict Verdict(List<Finding> findings, bool redoFailed)
    {
        var rules = findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var redo = redoFailed ? RedoFails : RedoDiffers;
        var verdict =
            rules.Contains("DBG001") ? UpFails
            : rules.Contains("DBG005") ? NoDown
            : rules.Contains("DBG002") ? DownFails
            : rules.Contains("DBG003") ? DownDiffers // with or without DBG006: other differences than the order
            : rules.Contains("DBG006") ? (rules.Contains("DBG004") ? $"{ColumnOrder}+{redo}" : ColumnOrder)
            : rules.Contains("DBG004") ? redo
            : Ok;
        return new(verdict, string.Join(" | ", findings.Select(f => string.Join("; ", [f.Message, .. f.Details]))));
    }
}
