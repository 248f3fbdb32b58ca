using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>The down, and the up after it, of one step, with the schema checked after each.</summary>
internal sealed record RoundTripResult(ScriptRun Down, ScriptRun Redo, IReadOnlyList<SchemaDifference> DownDifferences, IReadOnlyList<SchemaDifference> RedoDifferences);

internal static class RoundTrip
{
    /// <param name="before">S(i-1), the schema the down must restore.</param>
    /// <param name="after">S(i), the schema the up must produce again.</param>
    public static async Task<RoundTripResult> RunAsync(
        NpgsqlConnection connection,
        StepRunner.ScriptRunner run,
        LoadedScript down,
        LoadedScript up,
        SchemaSnapshot before,
        SchemaSnapshot after,
        SnapshotOptions snapshotOptions,
        CancellationToken cancellationToken)
    {
        var downRun = await run(down);
        if (downRun.Failed)
            return new RoundTripResult(downRun, ScriptRun.Skipped("the down failed"), [], []);

        var afterDown = await SnapshotReader.ReadAsync(connection, snapshotOptions, cancellationToken);
        var downDifferences = SchemaDiff.Compare(before, afterDown);
        // Running the up on a wrongly restored schema would only repeat the down's fault as a second finding.
        if (downDifferences.Any(d => d.Kind != DifferenceKind.ColumnOrder))
            return new RoundTripResult(downRun, ScriptRun.Skipped("the down did not restore the schema"), downDifferences, []);

        var redoRun = await run(up);
        if (redoRun.Failed)
            return new RoundTripResult(downRun, redoRun, downDifferences, []);
        var afterRedo = await SnapshotReader.ReadAsync(connection, snapshotOptions, cancellationToken);
        return new RoundTripResult(downRun, redoRun, downDifferences, SchemaDiff.Compare(after, afterRedo));
    }
}
