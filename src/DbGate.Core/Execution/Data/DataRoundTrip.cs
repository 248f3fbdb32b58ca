using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution.Data;

/// <summary>
/// Whether rows survive a step's up and down: seed every existing table, run up then down, and compare the
/// rows. Run where it cannot disturb the forward run: in a transaction rolled back, or in a throwaway clone.
/// </summary>
internal static class DataRoundTrip
{
    /// <returns>One line per table that lost or changed rows.</returns>
    /// <param name="insideTransaction">True inside DbGate's transaction: rejected seed rows then need savepoints.</param>
    /// <param name="snapshots">What <paramref name="before"/> was read with: the tool in use's history left out, and no other's.</param>
    public static async Task<DataRoundTripResult> RunAsync(
        NpgsqlConnection connection, StepRunner.ScriptRunner run, LoadedScript up, LoadedScript down, SchemaSnapshot before, SnapshotOptions snapshots, bool insideTransaction, CancellationToken cancellationToken)
    {
        await Seeding.DataCheckSeeder.SeedAsync(connection, before, insideTransaction, cancellationToken);
        var seeded = await TableContents.ReadAsync(connection, before, cancellationToken);
        foreach (var script in new[] { up, down })
        {
            if ((await run(script)).Failed)
                return DataRoundTripResult.NotChecked;
        }
        // Read as the rows before were: with every tool's table left out, a project's own schema_migrations that lost
        // its rows would be missing here and skipped.
        var restored = await TableContents.ReadAsync(connection, await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken), cancellationToken);
        return new DataRoundTripResult(seeded.LostIn(restored));
    }
}

internal sealed record DataRoundTripResult(IReadOnlyList<string> Lost)
{
    /// <summary>The up or down failed with rows present; their own findings say why.</summary>
    public static readonly DataRoundTripResult NotChecked = new([]);
}
