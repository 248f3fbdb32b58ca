using System.Runtime.CompilerServices;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution.Commands;

/// <summary>One command step's facts, with the schema before and after its up: what provenance and the benchmarks' table changes read.</summary>
internal sealed record CommandStepDone(StepFacts Facts, SchemaSnapshot Before, SchemaSnapshot After);

/// <summary>
/// Command mode: the tool's own up command once per listed step on the work database, a catalog snapshot and a
/// rewrite check around each (and, with the lint on, the locks the tool's sessions hold, polled while it runs); each
/// step's round trip (down, then up again) in a throwaway clone, since a tool's command runs in transactions of its
/// own choosing, so the forward run is never disturbed.
/// </summary>
internal static class CommandStepRunner
{
    /// <param name="start">The schema before the first step, read by the caller (the health checks start from it).</param>
    /// <param name="lint">Poll the tool's locks and judge the step as one observed statement by these sizes; null: do not.</param>
    public static async IAsyncEnumerable<CommandStepDone> RunAsync(
        WorkDatabase database, CommandSteps commands, SnapshotOptions snapshots, SchemaSnapshot start, TimeSpan statementTimeout, [EnumeratorCancellation] CancellationToken cancellationToken,
        ProductionSizes? lint = null)
    {
        ICommandObserver[] observers = lint is null ? [new RewriteObserver()] : [new RewriteObserver(), new LockObserver()];
        var step = new CommandStep(commands, statementTimeout);
        var listed = await step.ListAsync(database, cancellationToken);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var current = start;
            var failed = false;
            for (var i = 0; i < listed.Count; i++)
            {
                var migration = Migration(listed[i], i, commands);
                if (failed)
                {
                    var skipped = ScriptRun.Skipped("an earlier step's up failed");
                    yield return new(new StepFacts(migration, skipped, skipped, skipped, [], [], RoundTripInClone: true), current, current);
                    continue;
                }
                // One after the other: they share DbGate's connection.
                var watches = new List<ICommandWatch>();
                foreach (var observer in observers)
                    watches.Add(await observer.WatchAsync(connection, cancellationToken));
                var up = await step.RunAsync(commands.Up, "up", database, migration.Up.Origin!, cancellationToken);
                var observed = new List<CommandObservation>();
                foreach (var watch in watches)
                    observed.Add(await watch.StopAsync(connection, cancellationToken));
                var before = current;
                current = await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken);
                var rewrites = observed.SelectMany(o => o.Rewrites).ToList();
                var rewritten = rewrites.Select(r => $"{(r.What == "index" ? "index" : "table")} {r.Name}").Order(StringComparer.Ordinal).ToList();
                IReadOnlyList<StatementObservation> statements = lint is null || up.Failed ? [] : [Observed(commands, migration, up, rewrites, [.. observed.SelectMany(o => o.Locks)])];
                if (up.Failed)
                {
                    // The tool would retry this step on its next up, so the steps after it cannot run.
                    failed = true;
                    yield return new(new StepFacts(migration, up, ScriptRun.Skipped("the up failed"), ScriptRun.Skipped("the up failed"), [], [], RoundTripInClone: true) { Rewritten = rewritten, Statements = statements, Sizes = lint ?? ProductionSizes.None }, before, current);
                    continue;
                }
                if (!database.CreatedByDbGate)
                {
                    var never = ScriptRun.Skipped("downs never run in a database DbGate did not create");
                    yield return new(new StepFacts(migration, up, never, never, [], []) { Rewritten = rewritten, Statements = statements, Sizes = lint ?? ProductionSizes.None }, before, current);
                    continue;
                }
                await connection.DisposeAsync();
                var roundTrip = await RoundTripInCloneAsync(database, step, commands, migration, before, current, snapshots, cancellationToken);
                connection = await database.OpenAsync(cancellationToken);
                yield return new(new StepFacts(migration, up, roundTrip.Down, roundTrip.Redo, roundTrip.DownDifferences, roundTrip.RedoDifferences, RoundTripInClone: true) { Rewritten = rewritten, Statements = statements, Sizes = lint ?? ProductionSizes.None }, before, current);
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

    /// <summary>
    /// The step as one statement for the lint: the tool's up command, its locks polled, its rewrites seen in the
    /// catalog; what the tool set in its own sessions (lock_timeout…) and what each of its statements changed are
    /// not known, so only the rules that judge locks and rewrites can apply.
    /// </summary>
    private static StatementObservation Observed(CommandSteps commands, Migration migration, ScriptRun up, IReadOnlyList<Rewrite> rewrites, IReadOnlyList<HeldLock> locks) =>
        new(new SqlStatement(commands.Up, 0, 1, 1), migration.Up.Origin!, Phase.Up, InTransaction: false, SessionSettings.Unknown, [], locks, LocksPolled: true,
            rewrites, [], [], up.Duration, $"the up command ({commands.Up})", -1, []);

    private static Migration Migration((string Id, string? Source) listed, int index, CommandSteps commands)
    {
        var source = listed.Source is { } path ? Path.GetFullPath(path, commands.WorkingDirectory) : commands.ConfigPath;
        var relative = ProjectPaths.Relative(commands.ProjectRoot, source);
        var script = new MigrationScript(source, relative) { Origin = new SourceLocation(relative) };
        return new Migration(listed.Id, Migrations.Migration.PositionVersion(index), script, script, RunInTransaction: false);
    }
}
