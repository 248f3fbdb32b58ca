using System.Diagnostics;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Sql;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>Runs a script's statements one at a time, exactly as written, and stops at the first failure.</summary>
internal static class ScriptExecutor
{
    /// <summary>
    /// As the migration tool would: in a transaction of its own when the tool uses one (a statement PostgreSQL
    /// refuses there then fails, as it would in production), otherwise statement by statement.
    /// </summary>
    /// <param name="observer">Observes each statement for the lint while it runs; null runs them plainly.</param>
    public static async Task<ScriptRun> RunAsTheToolWouldAsync(NpgsqlConnection connection, LoadedScript script, bool inTransaction, CancellationToken cancellationToken, ScriptObserver? observer = null)
    {
        if (!inTransaction)
            return await RunAsync(connection, script, insideTransaction: false, cancellationToken, observer);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = await RunAsync(connection, script, insideTransaction: true, cancellationToken, observer);
        if (run.Failed)
            await transaction.RollbackAsync(cancellationToken);
        else
            await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <param name="insideTransaction">
    /// True when DbGate holds a transaction around the script: its own BEGIN/COMMIT would end DbGate's
    /// transaction and make the round trip unrecoverable, so they are not sent.
    /// </param>
    public static async Task<ScriptRun> RunAsync(NpgsqlConnection connection, LoadedScript script, bool insideTransaction, CancellationToken cancellationToken, ScriptObserver? observer = null)
    {
        if ((script.SplitFailure ?? TransactionBalance.Check(script, insideTransaction)) is { } unrunnable)
            return new ScriptRun(Outcome.Failed, TimeSpan.Zero, unrunnable);
        var clock = Stopwatch.StartNew();
        var began = false;
        foreach (var statement in script.Statements)
        {
            if (insideTransaction && EndsOrBeginsTransaction(statement))
            {
                observer?.NotSent(statement);
                continue;
            }
            if (statement.Kind == SqlStatementKind.PsqlMetaCommand)
                return new ScriptRun(Outcome.Failed, clock.Elapsed, MetaCommand(script, statement));
            try
            {
                var text = script.TextToSend(statement);
                if (observer is not null)
                    await observer.ExecuteAsync(connection, statement, text, cancellationToken);
                else
                    await ExecuteAsync(connection, text, cancellationToken);
                began |= statement.TransactionEffect == TransactionEffect.Begin;
            }
            catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && ServerFault.IsFault(e))
            {
                throw new ServerFaultException(Fault(script, statement, e), e);
            }
            catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The tool's connection would close here, rolling back what the script's own BEGIN opened; the
                // run goes on using this connection, which must not stay in the script's aborted transaction.
                if (began)
                    await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
                return new ScriptRun(Outcome.Failed, clock.Elapsed, Describe(script, statement, e));
            }
        }
        return new ScriptRun(Outcome.Passed, clock.Elapsed);
    }

    /// <summary>
    /// Inside DbGate's transaction these would end it; what they would do there is what the transaction balance
    /// allows: a BEGIN is a no-op, a final COMMIT what the tool does anyway. Savepoints work inside it, so they run.
    /// </summary>
    private static bool EndsOrBeginsTransaction(SqlStatement statement) =>
        statement.TransactionEffect is TransactionEffect.Begin or TransactionEffect.Commit or TransactionEffect.Rollback;

    /// <summary>Sends one statement exactly as written, for the executor, the observation, seeding and the benchmarks.</summary>
    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // A batch of one is sent verbatim; NpgsqlCommand would re-split text such as BEGIN ATOMIC bodies.
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ScriptFailure Describe(LoadedScript script, SqlStatement statement, PostgresException e)
    {
        var at = e.Position > 0 && e.Position <= statement.Text.Length + 1 ? statement.LocationOf(e.Position) : new SqlLocation(statement.Line, statement.Column);
        var message = e.Where is { Length: > 0 } where && e.Position == 0 ? $"{e.MessageText} ({FirstLine(where)})" : e.MessageText;
        return Located(new ScriptFailure(message, e.SqlState, new SourceLocation(script.Script.RelativePath, at.Line, at.Column), e.Detail, e.Hint), script);
    }

    /// <summary>The server's words and where the statement is; a statement timeout also says how to allow more time.</summary>
    private static string Fault(LoadedScript script, SqlStatement statement, PostgresException e)
    {
        var advice = e.SqlState == "57014" ? "; raise statement_timeout in dbgate.yml if this statement needs longer" : "";
        return $"{e.MessageText} (SQLSTATE {e.SqlState}) at {script.Script.RelativePath}:{statement.Line}:{statement.Column}{advice}";
    }

    /// <summary>SQL generated from another source points there, keeping the generated place as a detail.</summary>
    private static ScriptFailure Located(ScriptFailure failure, LoadedScript script) =>
        script.Script.Origin is { } origin ? failure with { Location = origin, GeneratedAt = failure.Location } : failure;

    private static ScriptFailure MetaCommand(LoadedScript script, SqlStatement statement) => Located(
        new(
            $"psql meta-command {FirstLine(statement.Text).Split(' ')[0]} is not SQL; migration tools send files to the server, which rejects it",
            null,
            new SourceLocation(script.Script.RelativePath, statement.Line, statement.Column)),
        script);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
