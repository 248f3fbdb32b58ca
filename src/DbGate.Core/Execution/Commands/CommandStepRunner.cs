using System.Runtime.CompilerServices;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Execution.Commands;

/// <summary>
/// Command mode: the tool's own up command once per listed step on the work database, a catalog snapshot and a
/// rewrite check around each; each step's round trip (down, then up again) in a throwaway clone, since a tool's
/// command runs in transactions of its own choosing, so the forward run is never disturbed.
/// </summary>
internal static class CommandStepRunner
{
    private static readonly ICommandObserver[] Observers = [new RewriteObserver()];

    public static async IAsyncEnumerable<StepFacts> RunAsync(
        WorkDatabase database, CommandSteps commands, SnapshotOptions snapshots, TimeSpan statementTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var step = new CommandStep(commands, statementTimeout);
        var listed = await step.ListAsync(database, cancellationToken);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var current = await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken);
            var failed = false;
            for (var i = 0; i < listed.Count; i++)
            {
                var migration = Migration(listed[i], i, commands);
                if (failed)
                {
                    var skipped = ScriptRun.Skipped("an earlier step's up failed");
                    yield return new StepFacts(migration, skipped, skipped, skipped, [], [], RoundTripInClone: true);
                    continue;
                }
                var watches = await Task.WhenAll(Observers.Select(o => o.WatchAsync(connection, cancellationToken)));
                var up = await step.RunAsync(commands.Up, "up", database, migration.Up.Origin!, cancellationToken);
                var observed = await Task.WhenAll(watches.Select(w => w.StopAsync(connection, cancellationToken)));
                var before = current;
                current = await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken);
                var rewritten = observed.SelectMany(o => o.Rewritten).ToList();
                if (up.Failed)
                {
                    // The tool would retry this step on its next up, so the steps after it cannot run.
                    failed = true;
                    yield return new StepFacts(migration, up, ScriptRun.Skipped("the up failed"), ScriptRun.Skipped("the up failed"), [], [], RoundTripInClone: true) { Rewritten = rewritten };
                    continue;
                }
                if (!database.CreatedByDbGate)
                {
                    var never = ScriptRun.Skipped("downs never run in a database DbGate did not create");
                    yield return new StepFacts(migration, up, never, never, [], []) { Rewritten = rewritten };
                    continue;
                }
                await connection.DisposeAsync();
                var roundTrip = await RoundTripInCloneAsync(database, step, commands, migration, before, current, snapshots, cancellationToken);
                connection = await database.OpenAsync(cancellationToken);
                yield return new StepFacts(migration, up, roundTrip.Down, roundTrip.Redo, roundTrip.DownDifferences, roundTrip.RedoDifferences, RoundTripInClone: true) { Rewritten = rewritten };
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task<RoundTripResult> RoundTripInCloneAsync(
        WorkDatabase database, CommandStep step, CommandSteps commands, Migration migration, SchemaSnapshot before, SchemaSnapshot after, SnapshotOptions snapshots, CancellationToken cancellationToken)
    {
        await using var clone = await database.CloneAsync(cancellationToken);
        await using var connection = await clone.OpenAsync(cancellationToken);
        var down = new LoadedScript(migration.Down!, [], null);
        var up = new LoadedScript(migration.Up, [], null);
        // The clone's copy of the tool's history says this step is applied: its down command reverts exactly it.
        Task<ScriptRun> Run(LoadedScript script) =>
            ReferenceEquals(script, down)
                ? step.RunAsync(commands.Down, "down", clone, migration.Down!.Origin!, cancellationToken)
                : step.RunAsync(commands.Up, "up", clone, migration.Up.Origin!, cancellationToken);
        return await RoundTrip.RunAsync(connection, Run, down, up, before, after, snapshots, cancellationToken);
    }

    private static Migration Migration((string Id, string? Source) listed, int index, CommandSteps commands)
    {
        var source = listed.Source is { } path ? Path.GetFullPath(path, commands.WorkingDirectory) : commands.ConfigPath;
        var relative = ProjectPaths.Relative(commands.ProjectRoot, source);
        var script = new MigrationScript(source, relative) { Origin = new SourceLocation(relative) };
        return new Migration(listed.Id, (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), script, script, RunInTransaction: false);
    }
}
