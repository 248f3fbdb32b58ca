using DbGate.Core.Rules.Reversibility;

namespace DbGate.Core.Rules;

/// <summary>The one list of step rules; a test checks it against rules/*.md so neither can drift.</summary>
public static class StepRules
{
    public static IReadOnlyList<IStepRule> All { get; } =
    [
        new UpFails(),
        new DownFails(),
        new DownDoesNotRestore(),
        new UpNotRepeatable(),
        new DownMissing(),
        new ColumnOrderNotRestored(),
        new DataNotPreserved(),
        new VerifyFails(),
    ];
}
