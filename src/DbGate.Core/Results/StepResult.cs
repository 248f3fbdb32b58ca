namespace DbGate.Core.Results;

/// <summary>What DbGate did to one migration in one direction.</summary>
public enum Phase
{
    Up,
    Down,
    Redo,
}

public enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

/// <param name="Migration">The migration's id, as the user wrote it (for example its folder name).</param>
/// <param name="Reason">Why it failed or was skipped; null when it passed.</param>
public sealed record StepResult(string Migration, Phase Phase, Outcome Outcome, TimeSpan Duration, string? Reason = null);
