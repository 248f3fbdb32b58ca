using DbGate.Core.Migrations;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution;

/// <summary>Whether the migration tool runs a script inside a transaction, decided by the format, never guessed from the SQL.</summary>
internal static class TransactionSemantics
{
    public static bool RunsInTransaction(Migration migration, LoadedScript script)
    {
        var (inTransaction, oneRunsAlone) = script.Script.Transaction ?? (migration.RunInTransaction, migration.OneStatementRunsAlone);
        var statements = script.Statements.Where(s => s.Kind == SqlStatementKind.Sql).ToList();
        if (!inTransaction)
            return WrapsItself(statements);
        return !(oneRunsAlone && statements.Count(s => !s.IsTransactionControl) <= 1);
    }

    /// <summary>
    /// A script run statement by statement that opens a transaction first and commits last runs as one transaction, so
    /// DbGate may check it inside its own (and spare a clone) without changing what the server does.
    /// </summary>
    private static bool WrapsItself(List<SqlStatement> statements) =>
        statements.Count >= 2
        && IsBegin(statements[0])
        && IsCommit(statements[^1])
        && statements.Skip(1).SkipLast(1).All(s => !s.IsTransactionControl);

    private static bool IsBegin(SqlStatement statement) => statement.TransactionEffect == TransactionEffect.Begin;

    /// <summary>Ends the block for good: COMMIT AND CHAIN leaves the next one open.</summary>
    private static bool IsCommit(SqlStatement statement) => statement.TransactionEffect == TransactionEffect.Commit && !statement.ChainsTransaction;
}
