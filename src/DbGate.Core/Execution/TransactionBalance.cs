using DbGate.Core.Results;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution;

/// <summary>
/// Whether a script's own BEGIN, COMMIT and ROLLBACK fit the transaction the migration tool runs it in. Only the
/// uses that change what production ends up with fail: a transaction left open outside the tool's (rolled back
/// when the tool disconnects), and, inside the tool's, a ROLLBACK, a COMMIT of a transaction the script did not
/// begin, or statements after a COMMIT (no longer atomic with the rest). A BEGIN inside the tool's transaction
/// only draws a warning from PostgreSQL, and a COMMIT outside any only another, so both pass.
/// </summary>
internal static class TransactionBalance
{
    /// <param name="inToolTransaction">The migration tool runs the script inside a transaction of its own.</param>
    public static ScriptFailure? Check(LoadedScript script, bool inToolTransaction)
    {
        var statements = script.Statements;
        SqlStatement? open = null;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var effect = statement.TransactionEffect;
            if (effect == TransactionEffect.Begin)
            {
                open ??= statement;
                continue;
            }

            if (effect is not (TransactionEffect.Commit or TransactionEffect.Rollback))
                continue;
            if (inToolTransaction && InToolTransaction(statement, effect, ownBegin: open is not null, statementsFollow: SqlFollows(statements, i)) is { } problem)
                return Failure(script, statement, problem);
            open = statement.ChainsTransaction ? statement : null;
        }

        return !inToolTransaction && open is not null
            ? Failure(script, open, $"{Keyword(open)} here opens a transaction that nothing ends: the migration leaves it open, so its work is rolled back when the migration tool disconnects (or committed by whatever the tool runs next); end it with COMMIT")
            : null;
    }

    private static string? InToolTransaction(SqlStatement statement, TransactionEffect effect, bool ownBegin, bool statementsFollow)
    {
        var keyword = Keyword(statement);
        if (effect == TransactionEffect.Rollback)
            return $"{keyword} here ends the transaction the migration tool runs this script in, undoing the script's work, yet the tool goes on to record the migration as applied: remove it";
        if (!ownBegin)
            return $"{keyword} here commits the transaction the migration tool runs this script in, which the script did not begin, so what the tool does after the script is no longer atomic with it: remove it";
        return statementsFollow
            ? $"{keyword} here ends the transaction early: the statements after it run outside any transaction, so a failure among them leaves the migration half applied; end the transaction after the last statement"
            : null;
    }

    private static bool SqlFollows(IReadOnlyList<SqlStatement> statements, int index) =>
        statements.Skip(index + 1).Any(s => s.Kind == SqlStatementKind.Sql && s.TransactionEffect == TransactionEffect.None);

    /// <summary>The statement's first word (it starts with it), as the message names it.</summary>
    private static string Keyword(SqlStatement statement) =>
        new string([.. statement.Text.TakeWhile(char.IsAsciiLetter)]).ToUpperInvariant();

    private static ScriptFailure Failure(LoadedScript script, SqlStatement statement, string message) =>
        new(message, null, new SourceLocation(script.Script.RelativePath, statement.Line, statement.Column));
}
