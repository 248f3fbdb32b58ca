using DbGate.Core.Migrations;
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
    private NpgsqlConnection _connection;
    private SchemaSnapshot _current;

    private StepRunner(WorkDatabase database, SnapshotOptions snapshotOptions, NpgsqlConnection connection, SchemaSnapshot empty)
    {
        _database = database;
        _snapshotOptions = snapshotOptions;
        _connection = connection;
        _current = empty;
    }

    public static async Task<StepRunner> StartAsync(WorkDatabase database, SnapshotOptions snapshotOptions, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var empty = await SnapshotReader.ReadAsync(connection, snapshotOptions, cancellationToken);
        return new StepRunner(database, snapshotOptions, connection, empty);
    }

    public async Task<StepFacts> RunAsync(Migration migration, bool irreversibleAllowed, CancellationToken cancellationToken)
    {
        var up = await LoadedScript.LoadAsync(migration.Up, cancellationToken);
        var forward = await ApplyAsync(up, migration.RunInTransaction, cancellationToken);
        var before = _current;
        if (forward.Run.Failed)
        {
            if (!forward.Transactional)
                _current = await SnapshotReader.ReadAsync(_connection, _snapshotOptions, cancellationToken);
            return Facts(ScriptRun.Skipped("the up failed"), ScriptRun.Skipped("the up failed"), []);
        }
        _current = await SnapshotReader.ReadAsync(_connection, _snapshotOptions, cancellationToken);
        if (migration.Down is null)
            return Facts(ScriptRun.Skipped("there is no down"), ScriptRun.Skipped("there is no down"), []);

        var down = await LoadedScript.LoadAsync(migration.Down, cancellationToken);
        var inClone = !forward.Transactional;
        var roundTrip = inClone ? null : await InTransactionAsync(down, up, before, cancellationToken);
        if (roundTrip is null || roundTrip.NeedsClone)
        {
            inClone = true;
            roundTrip = await InCloneAsync(down, up, before, cancellationToken);
        }
        return Facts(roundTrip.Down, roundTrip.Redo, roundTrip.DownDifferences, roundTrip.RedoDifferences, inClone);

        StepFacts Facts(ScriptRun downRun, ScriptRun redo, IReadOnlyList<SchemaDifference> downDiff, IReadOnlyList<SchemaDifference>? redoDiff = null, bool clone = false) =>
            new(migration, forward.Run, downRun, redo, downDiff, redoDiff ?? [], irreversibleAllowed, clone);
    }

    private sealed record Forward(ScriptRun Run, bool Transactional);

    /// <summary>The up, committed: in a transaction when the migration allows it and the server accepts it there.</summary>
    private async Task<Forward> ApplyAsync(LoadedScript up, bool runInTransaction, CancellationToken cancellationToken)
    {
        if (runInTransaction)
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            var run = await ScriptExecutor.RunAsync(_connection, up, insideTransaction: true, cancellationToken);
            if (!run.Failed)
            {
                await transaction.CommitAsync(cancellationToken);
                return new Forward(run, true);
            }
            await transaction.RollbackAsync(cancellationToken);
            if (run.Failure?.RefusesTransaction != true)
                return new Forward(run, true);
        }
        // As the migration tool would: statement by statement, each committed on its own.
        return new Forward(await ScriptExecutor.RunAsync(_connection, up, insideTransaction: false, cancellationToken), false);
    }

    private async Task<RoundTripResult> InTransactionAsync(LoadedScript down, LoadedScript up, SchemaSnapshot before, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        try
        {
            return await RoundTrip.RunAsync(_connection, down, up, before, _current, _snapshotOptions, insideTransaction: true, cancellationToken);
        }
        finally
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    private async Task<RoundTripResult> InCloneAsync(LoadedScript down, LoadedScript up, SchemaSnapshot before, CancellationToken cancellationToken)
    {
        await _connection.DisposeAsync();
        try
        {
            await using var clone = await _database.CloneAsync(cancellationToken);
            await using var connection = await clone.OpenAsync(cancellationToken);
            return await RoundTrip.RunAsync(connection, down, up, before, _current, _snapshotOptions, insideTransaction: false, cancellationToken);
        }
        finally
        {
            _connection = await _database.OpenAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
