using DbGate.Core.Migrations;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution;

/// <summary>Whether the migration tool runs a script inside a transaction, decided by the format, never guessed from the SQL.</summary>
internal static class TransactionSemantics
{
    public static bool RunsInTransaction(Migration migration, LoadedScript script) =>
        migration.RunInTransaction
        && !(migration.OneStatementRunsAlone && script.Statements.Count(s => s.Kind == SqlStatementKind.Sql && !s.IsTransactionControl) <= 1);
}
