using DbGate.Core.Migrations;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Execution;

/// <summary>
/// Everything observed about one migration: how its up ran, how its down and the up after it ran, and how
/// the schema after each differed from what it should be. Rules read only this.
/// </summary>
/// <param name="DownDifferences">Expected = the schema before the up; actual = the schema after the down.</param>
/// <param name="RedoDifferences">Expected = the schema after the first up; actual = the schema after down and up again.</param>
/// <param name="IrreversibleAllowed">dbgate.yml lists this migration as deliberately irreversible.</param>
public sealed record StepFacts(
    Migration Migration,
    ScriptRun Up,
    ScriptRun Down,
    ScriptRun Redo,
    IReadOnlyList<SchemaDifference> DownDifferences,
    IReadOnlyList<SchemaDifference> RedoDifferences,
    bool IrreversibleAllowed = false,
    bool RoundTripInClone = false)
{
    /// <summary>With the data check on: one line per table whose rows did not survive the up and the down.</summary>
    public IReadOnlyList<string> DataLost { get; init; } = [];

    /// <summary>sqitch: how the verify script ran after the up; null when the step has none or the up failed.</summary>
    public ScriptRun? Verify { get; init; }

    /// <summary>Command mode: relations the up rewrote (same OID, new relfilenode), for the rules of the observation layer.</summary>
    public IReadOnlyList<string> Rewritten { get; init; } = [];

    /// <summary>The up as it was loaded (decoded and split) and run; null in command mode.</summary>
    public LoadedScript? UpScript { get; init; }

    /// <summary>With the lint on: every statement of the up and of the down after it, as observed while it ran.</summary>
    public IReadOnlyList<Observation.StatementObservation> Statements { get; init; } = [];

    /// <summary>The production sizes the lint judges lock and rewrite costs by.</summary>
    public Observation.ProductionSizes Sizes { get; init; } = Observation.ProductionSizes.None;
}
