using DbGate.Core.Execution.Data;
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
    private readonly bool _checkData;
    private NpgsqlConnection _connection;
    private SchemaSnapshot _current;

    private StepRunner(WorkDatabase database, SnapshotOptions snapshotOptions, bool checkData, NpgsqlConnection connection, SchemaSnapshot empty)
    {
        _database = database;
        _snapshotOptions = snapshotOptions;
        _checkData = checkData;
        _connection = connection;
        _current = empty;
    }

    /// <param name="checkData">Also check that rows in existing tables survive each step's up and down.</param>
    public static async Task<StepRunner> StartAsync(WorkDatabase database, SnapshotOptions snapshotOptions, bool checkData, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var empty = await SnapshotReader.ReadAsync(connection, snapshotOptions, cancellationToken);
        return new StepRunner(database, snapshotOptions, checkData, connection, empty);
    }

    public async Task<StepFacts> RunAsync(Migration migration, bool irreversibleAllowed, CancellationToken cancellationToken)
    {
        var up = await LoadedScript.LoadAsync(migration.Up, cancellationToken);
        var down = migration.Down is null ? null : await LoadedScript.LoadAsync(migration.Down, cancellationToken);
        // Before the forward run, while the database is still at S(i-1), which the data check starts from.
        var data = _checkData && down is not null ? await CheckDataAsync(up, down, migration.RunInTransaction, cancellationToken) : DataRoundTripResult.NotChecked;
        var forward = await ApplyAsync(up, migration.RunInTransaction, cancellationToken);
        var before = _current;
        if (forward.Run.Failed)
        {
            if (!forward.Transactional)
                _current = await SnapshotReader.ReadAsync(_connection, _snapshotOptions, cancellationToken);
            return Facts(ScriptRun.Skipped("the up failed"), ScriptRun.Skipped("the up failed"), []);
        }
        _current = await SnapshotReader.ReadAsync(_connection, _snapshotOptions, cancellationToken);
        if (down is null)
            return Facts(ScriptRun.Skipped("there is no down"), ScriptRun.Skipped("there is no down"), []);

        var after = _current;
        Task<RoundTripResult> Check(NpgsqlConnection connection, bool inTransaction) =>
            RoundTrip.RunAsync(connection, down, up, before, after, _snapshotOptions, inTransaction, cancellationToken);
        var inClone = !forward.Transactional;
        var roundTrip = inClone ? null : await InTransactionAsync(Check, cancellationToken);
        if (roundTrip is null || roundTrip.NeedsClone)
        {
            inClone = true;
            roundTrip = await InCloneAsync(Check, cancellationToken);
        }
        return Facts(roundTrip.Down, roundTrip.Redo, roundTrip.DownDifferences, roundTrip.RedoDifferences, inClone);

        StepFacts Facts(ScriptRun downRun, ScriptRun redo, IReadOnlyList<SchemaDifference> downDiff, IReadOnlyList<SchemaDifference>? redoDiff = null, bool clone = false) =>
            new(migration, forward.Run, downRun, redo, downDiff, redoDiff ?? [], irreversibleAllowed, clone) { DataLost = data.Lost ?? [] };
    }

    private async Task<DataRoundTripResult> CheckDataAsync(LoadedScript up, LoadedScript down, bool runInTransaction, CancellationToken cancellationToken)
    {
        var before = _current;
        Task<DataRoundTripResult> Check(NpgsqlConnection connection, bool inTransaction) =>
            DataRoundTrip.RunAsync(connection, up, down, before, inTransaction, cancellationToken);
        var result = runInTransaction ? await InTransactionAsync(Check, cancellationToken) : null;
        return result is null || result.NeedsClone ? await InCloneAsync(Check, cancellationToken) : result;
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

    /// <summary>Runs a check inside a transaction that is always rolled back, so the work database is untouched.</summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, bool, Task<T>> check, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        try
        {
            return await check(_connection, true);
        }
        finally
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    /// <summary>Runs a check in a throwaway copy of the work database, for statements that refuse a transaction.</summary>
    private async Task<T> InCloneAsync<T>(Func<NpgsqlConnection, bool, Task<T>> check, CancellationToken cancellationToken)
    {
        await _connection.DisposeAsync();
        try
        {
            await using var clone = await _database.CloneAsync(cancellationToken);
            await using var connection = await clone.OpenAsync(cancellationToken);
            return await check(connection, false);
        }
        finally
        {
            _connection = await _database.OpenAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
