using DbGate.Core.Snapshots;
using DbGate.Core.Sql;
using Npgsql;

namespace DbGate.Core.Observation;

/// <summary>
/// A statement that refuses a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, REINDEX CONCURRENTLY…) commits
/// as it goes, so its locks are gone before anything can read them from its own connection. A second connection
/// polls them while it runs (<see cref="LockPoller"/>); the catalog rows it wrote are found by their xmin, from the
/// transaction id before it.
/// </summary>
internal static class OutsideTransaction
{
    public static async Task<StatementObservation> RunAsync(NpgsqlConnection connection, SqlStatement statement, string text, ScriptObserver observer, CancellationToken cancellationToken)
    {
        var tables = observer.PreExistingTables();
        var firstXid = await ScalarAsync(connection, ObservationSql.NextTransactionId, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlySet<(long Oid, LockMode Mode)> polled;
        PostgresException? failure = null;
        await using (var poller = await LockPoller.StartAsync(connection, otherSessions: false, TimeSpan.Zero, cancellationToken))
        {
            try
            {
                await Execution.ScriptExecutor.ExecuteAsync(connection, text, cancellationToken);
            }
            catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
            {
                // What committed before the failure stays (a failed CREATE INDEX CONCURRENTLY leaves an invalid index).
                // A fault of the server is no failure of the statement: it ends the run, with nothing more to observe
                // on a connection it may have closed.
                failure = e;
            }
            polled = await poller.StopAsync();
        }
        var duration = clock.Elapsed;

        // Read in a transaction of its own, in which every catalog must be read: this one has written nothing.
        var result = await ObservedBatch.RunAsync(
            connection, [ObservedBatch.Before(-1, firstXid, tables, readCounts: false)], null, observer.KnownRelations(), [], cancellationToken);
        var observation = observer.Interpret(statement, result with { Before = null }, polled);
        observation = observation with { Duration = duration, Before = result.Before?.Settings ?? SessionSettings.Unknown };
        if (failure is not null)
            throw new ObservedFailure(observation with { Failed = new StatementError(failure.SqlState, failure.MessageText) }, failure);
        return observation;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A statement outside any transaction failed after leaving something behind, which was observed.</summary>
internal sealed class ObservedFailure(StatementObservation observation, PostgresException error) : Exception(error.Message, error)
{
    public StatementObservation Observation { get; } = observation;

    public PostgresException Error { get; } = error;
}
