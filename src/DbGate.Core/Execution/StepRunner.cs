using DbGate.Core.Execution.Data;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// Applies migrations one by one to the work database and checks each one's round trip without disturbing it:
/// inside a transaction that is rolled back, or, for a step that cannot run in one, in a throwaway clone.
/// </summary>
internal sealed class StepRunner : IAsyncDisposable
{
    private readonly WorkDatabase _database;
    private readonly SnapshotOptions _snapshotOptions;
    private readonly bool _checkData;
    private readonly ProductionSizes? _lint;
    private readonly bool _observeDowns;
    private NpgsqlConnection _connection;
    private SchemaSnapshot _current;

    /// <summary>The catalog as the forward run has left it, which each script's observation starts from; null without lint.</summary>
    private CatalogMirror? _mirror;

    private StepRunner(WorkDatabase database, SnapshotOptions snapshotOptions, bool checkData, NpgsqlConnection connection, SchemaSnapshot empty, ProductionSizes? lint, CatalogMirror? mirror, bool observeDowns)
    {
        _observeDowns = observeDowns;
        _database = database;
        _snapshotOptions = snapshotOptions;
        _checkData = checkData;
        _connection = connection;
        _current = empty;
        _lint = lint;
        _mirror = mirror;
    }

    /// <summary>The schema as the forward run has left it: after the last up.</summary>
    public SchemaSnapshot Current => _current;

    /// <param name="checkData">Also check that rows in existing tables survive each step's up and down.</param>
    /// <param name="lint">Observe every statement of every up and down for the lint, judged by these sizes; null: do not.</param>
    /// <param name="observeDowns">False when only the ups' observation is wanted (the health checks' provenance with the lint off).</param>
    public static async Task<StepRunner> StartAsync(WorkDatabase database, SnapshotOptions snapshotOptions, bool checkData, CancellationToken cancellationToken, ProductionSizes? lint = null, bool observeDowns = true)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var empty = await SnapshotReader.ReadAsync(connection, snapshotOptions, cancellationToken);
        var mirror = lint is null ? null : await Baseline.ReadAsync(connection, cancellationToken);
        return new StepRunner(database, snapshotOptions, checkData, connection, empty, lint, mirror, observeDowns);
    }

    public async Task<StepFacts> RunAsync(Migration migration, bool irreversibleAllowed, CancellationToken cancellationToken)
    {
        var up = await LoadAsync(migration.Up, cancellationToken);
        // Downs run only in databases DbGate created: a down drops things, and an existing database is someone's.
        var down = migration.Down is null || !_database.CreatedByDbGate ? null : await LoadAsync(migration.Down, cancellationToken);
        // Both checks run where they cannot disturb the forward run: in DbGate's own transaction, rolled back,
        // when the tool runs both scripts in transactions; otherwise in a clone, each script run as the tool would.
        var upInTransaction = TransactionSemantics.RunsInTransaction(migration, up);
        var inClone = !upInTransaction || (down is not null && !TransactionSemantics.RunsInTransaction(migration, down));

        // Before the forward run, while the database is still at S(i-1), which the data check starts from.
        var before = _current;
        var data = _checkData && down is not null
            ? await CheckAsync((connection, run) => DataRoundTrip.RunAsync(connection, run, up, down, before, _snapshotOptions, !inClone, cancellationToken), migration, inClone, cancellationToken)
            : DataRoundTripResult.NotChecked;

        ScriptRun? verify = null;
        var upObserver = Observe(up, Phase.Up, upInTransaction);
        ScriptObserver? downObserver = null;
        var forward = await ScriptExecutor.RunAsTheToolWouldAsync(_connection, up, upInTransaction, cancellationToken, upObserver);
        if (upObserver is not null && (!forward.Failed || !upInTransaction))
            _mirror = upObserver.Mirror;
        // A failed up in a transaction left nothing behind; one outside may have left part of itself.
        if (!forward.Failed || !upInTransaction)
            _current = await SnapshotReader.ReadAsync(_connection, _snapshotOptions, cancellationToken);
        if (forward.Failed)
            return Facts(ScriptRun.Skipped("the up failed"), ScriptRun.Skipped("the up failed"), []);
        if (migration.Verify is not null)
            verify = await VerifyAsync(migration.Verify, cancellationToken);
        if (down is null)
        {
            var why = _database.CreatedByDbGate || migration.Down is null ? "there is no down" : "downs never run in a database DbGate did not create";
            return Facts(ScriptRun.Skipped(why), ScriptRun.Skipped(why), []);
        }

        var after = _current;
        // The down runs in production right after its up, so it is observed here, where the round trip runs it.
        downObserver = Observe(down, Phase.Down, !inClone || TransactionSemantics.RunsInTransaction(migration, down));
        var roundTrip = await CheckAsync((connection, run) => RoundTrip.RunAsync(connection, run, down, up, before, after, _snapshotOptions, cancellationToken), migration, inClone, cancellationToken, downObserver);
        return Facts(roundTrip.Down, roundTrip.Redo, roundTrip.DownDifferences, roundTrip.RedoDifferences);

        StepFacts Facts(ScriptRun downRun, ScriptRun redo, IReadOnlyList<SchemaDifference> downDiff, IReadOnlyList<SchemaDifference>? redoDiff = null) =>
            new(migration, forward, downRun, redo, downDiff, redoDiff ?? [], irreversibleAllowed, inClone)
            {
                DataLost = data.Lost,
                Verify = verify,
                UpScript = up,
                Statements = [.. upObserver?.Statements ?? [], .. downObserver?.Statements ?? []],
                Sizes = _lint ?? ProductionSizes.None,
            };
    }

    /// <summary>
    /// As sqitch runs a verify script (with psql, statement by statement, its own BEGIN … ROLLBACK its transaction),
    /// after the schema after the up was read, so only what sqitch itself would change can change.
    /// </summary>
    private async Task<ScriptRun> VerifyAsync(MigrationScript script, CancellationToken cancellationToken) =>
        await ScriptExecutor.RunAsync(_connection, await LoadAsync(script, cancellationToken), insideTransaction: false, cancellationToken);

    private ScriptObserver? Observe(LoadedScript script, Phase phase, bool inTransaction) =>
        _mirror is null || (phase == Phase.Down && !_observeDowns) ? null : new ScriptObserver(_mirror.Fork(sameMigration: phase == Phase.Down), script.Script, phase, inTransaction);

    private async Task<LoadedScript> LoadAsync(MigrationScript script, CancellationToken cancellationToken) =>
        await LoadedScript.LoadAsync(script, cancellationToken) with { Gateway = _database.Extensions };

    /// <summary>How a check runs a script: inside DbGate's transaction, or as the tool would in a clone.</summary>
    internal delegate Task<ScriptRun> ScriptRunner(LoadedScript script);

    /// <param name="observer">Observes the first script the check runs (the down), if given.</param>
    private Task<T> CheckAsync<T>(Func<NpgsqlConnection, ScriptRunner, Task<T>> check, Migration migration, bool inClone, CancellationToken cancellationToken, ScriptObserver? observer = null)
    {
        var first = observer;
        return inClone
            ? InCloneAsync(connection => check(connection, script => ScriptExecutor.RunAsTheToolWouldAsync(connection, script, TransactionSemantics.RunsInTransaction(migration, script), cancellationToken, Take())), cancellationToken)
            : InTransactionAsync(connection => check(connection, script => ScriptExecutor.RunAsync(connection, script, insideTransaction: true, cancellationToken, Take())), cancellationToken);

        ScriptObserver? Take()
        {
            var taken = first;
            first = null;
            return taken;
        }
    }

    /// <summary>Runs a check inside a transaction that is always rolled back, so the work database is untouched.</summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, Task<T>> check, CancellationToken cancellationToken)
    {
        // Disposing rolls back what is still open; an explicit rollback on a connection that broke mid-check would
        // throw and hide why it broke.
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        var result = await check(_connection);
        await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs a check in a throwaway copy of the work database, for steps the tool runs outside a transaction.</summary>
    private async Task<T> InCloneAsync<T>(Func<NpgsqlConnection, Task<T>> check, CancellationToken cancellationToken)
    {
        await _connection.DisposeAsync();
        T result;
        await using (var clone = await _database.CloneAsync(cancellationToken))
        {
            await using var connection = await clone.OpenAsync(cancellationToken);
            result = await check(connection);
        }
        // Only after a check that ended: reconnecting after a fault would fail again and hide the first failure.
        _connection = await _database.OpenAsync(cancellationToken);
        return result;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
