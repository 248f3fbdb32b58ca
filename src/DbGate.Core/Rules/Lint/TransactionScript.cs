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
        context.Statement.NotSent && !context.Facts.Migration.OneStatementRunsAlone;

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
        !context.Facts.Migration.OneStatementRunsAlone && context.Script.Any(s => s.NotSent);
}
