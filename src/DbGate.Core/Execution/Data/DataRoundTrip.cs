using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution.Data;

/// <summary>
/// Whether rows survive a step's up and down: seed every existing table, run up then down, and compare the
/// rows. Run where it cannot disturb the forward run: in a transaction rolled back, or in a throwaway clone.
/// </summary>
internal static class DataRoundTrip
{
    /// <returns>
    /// One line per table that lost or changed rows; Lost is null when the up or down failed (their own findings say
    /// why, or the step must be tried again in a clone when a statement refused the transaction).
    /// </returns>
    public static async Task<DataRoundTripResult> RunAsync(
        NpgsqlConnection connection, LoadedScript up, LoadedScript down, SchemaSnapshot before, bool insideTransaction, CancellationToken cancellationToken)
    {
        await RowSeeder.SeedAsync(connection, before, insideTransaction, cancellationToken);
        var seeded = await TableContents.ReadAsync(connection, before, cancellationToken);
        foreach (var script in new[] { up, down })
        {
            var run = await ScriptExecutor.RunAsync(connection, script, insideTransaction, cancellationToken);
            if (run.Failed)
                return new DataRoundTripResult(null, run.Failure?.RefusesTransaction == true);
        }
        var restored = await TableContents.ReadAsync(connection, await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, cancellationToken), cancellationToken);
        return new DataRoundTripResult(seeded.LostIn(restored), false);
    }
}

internal sealed record DataRoundTripResult(IReadOnlyList<string>? Lost, bool NeedsClone)
{
    public static readonly DataRoundTripResult NotChecked = new([], false);
}
