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
        if (script.SplitFailure is not null)
            return new ScriptRun(Outcome.Failed, TimeSpan.Zero, script.SplitFailure);
        var clock = Stopwatch.StartNew();
        foreach (var statement in script.Statements)
        {
            if (insideTransaction && statement.IsTransactionControl)
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
                    await ScriptObserver.PlainAsync(connection, text, cancellationToken);
            }
            catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
            {
                return new ScriptRun(Outcome.Failed, clock.Elapsed, Describe(script, statement, e));
            }
        }
        return new ScriptRun(Outcome.Passed, clock.Elapsed);
    }

    private static ScriptFailure Describe(LoadedScript script, SqlStatement statement, PostgresException e)
    {
        var at = e.Position > 0 && e.Position <= statement.Text.Length + 1 ? statement.LocationOf(e.Position) : new SqlLocation(statement.Line, statement.Column);
        var message = e.Where is { Length: > 0 } where && e.Position == 0 ? $"{e.MessageText} ({FirstLine(where)})" : e.MessageText;
        return new ScriptFailure(message, e.SqlState, new SourceLocation(script.Script.RelativePath, at.Line, at.Column), e.Detail, e.Hint);
    }

    private static ScriptFailure MetaCommand(LoadedScript script, SqlStatement statement) =>
        new(
            $"psql meta-command {FirstLine(statement.Text).Split(' ')[0]} is not SQL; migration tools send files to the server, which rejects it",
            null,
            new SourceLocation(script.Script.RelativePath, statement.Line, statement.Column));

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
