using DbGate.Core.Results;
using DbGate.Core.Observation;
using DbGate.Core.Sql;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// Follows a script's own BEGIN and COMMIT as the migration tool would send them: golang-migrate sends the file as
/// one query, in which BEGIN opens a block and COMMIT ends it; diesel sends the file inside a transaction of its own
/// unless run_in_transaction = false, and then the script's BEGIN only warns.
/// </summary>
internal static class TransactionScript
{
    /// <summary>The tool itself opened a transaction around the script (diesel): the script's BEGIN and COMMIT nest in it.</summary>
    public static bool ToolTransaction(StatementContext context) =>
        context.Statement.NotSent && ToolOpensTransaction(context);

    public static bool Opens(StatementObservation s) => s.Statement.TransactionEffect == TransactionEffect.Begin;

    /// <summary>COMMIT, END, ROLLBACK, ABORT or PREPARE TRANSACTION, but not ROLLBACK TO a savepoint nor COMMIT PREPARED.</summary>
    public static bool Ends(StatementObservation s) => s.Statement.TransactionEffect is TransactionEffect.Commit or TransactionEffect.Rollback;

    /// <summary>The BEGIN of the script whose transaction is still open when the script ends, if any.</summary>
    public static StatementObservation? LeftOpen(StatementContext context)
    {
        if (ToolTransactionScript(context))
            return null;
        StatementObservation? open = null;
        foreach (var statement in context.Script.Where(s => s.IsTransactionControl))
        {
            if (Opens(statement) && open is null && (statement.NotSent || !statement.InTransaction))
                open = statement;
            else if (Ends(statement))
                open = null;
        }
        return open;
    }

    private static bool ToolTransactionScript(StatementContext context) =>
        ToolOpensTransaction(context) && context.Script.Any(s => s.NotSent);

    /// <summary>
    /// The tool, not DbGate, holds the transaction. A script that wraps itself in BEGIN … COMMIT and that the tool runs
    /// statement by statement (sqitch, through psql) is also checked in a transaction of DbGate's with its own BEGIN and
    /// COMMIT not sent, but there they are the script's transaction, exactly as the tool runs it.
    /// </summary>
    private static bool ToolOpensTransaction(StatementContext context)
    {
        var migration = context.Facts.Migration;
        var script = context.Statement.Phase == Phase.Down ? migration.Down : migration.Up;
        return !migration.OneStatementRunsAlone && (script?.Transaction?.RunInTransaction ?? migration.RunInTransaction);
    }
}
