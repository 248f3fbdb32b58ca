using DbGate.Core.Results;

namespace DbGate.Core.Execution;

/// <summary>What happened when one script ran (or why it did not).</summary>
/// <param name="Reason">For a skipped script, why.</param>
public sealed record ScriptRun(Outcome Outcome, TimeSpan Duration, ScriptFailure? Failure = null, string? Reason = null)
{
    public static ScriptRun Skipped(string reason) => new(Outcome.Skipped, TimeSpan.Zero, Reason: reason);

    public bool Failed => Outcome == Outcome.Failed;
}
