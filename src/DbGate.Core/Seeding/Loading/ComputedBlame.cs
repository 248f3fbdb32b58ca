using DbGate.Core.Execution;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Which of a table's <c>seed.columns … sql:</c> expressions made its INSERT fail when PostgreSQL names no place
/// (<c>division by zero</c> at row 3): the one there is, or the first that fails when evaluated alone over the same
/// staged rows, so the error lands at that entry of dbgate.yml instead of at the table.
/// </summary>
internal static class ComputedBlame
{
    /// <summary>Set before the INSERT when there are several expressions, so a failure can be undone and each one tried.</summary>
    public const string Savepoint = "dbgate_seed_computed";

    /// <summary>A constraint the rows broke is the table's to explain (<see cref="LoadErrors"/>); any other error is an expression's.</summary>
    public static bool IsEvaluationError(PostgresException e) => !e.SqlState.StartsWith("23", StringComparison.Ordinal);

    /// <param name="stage">The staging table the INSERT read, still there after the rollback to <see cref="Savepoint"/>.</param>
    public static async Task<ComputedColumn?> FindAsync(NpgsqlConnection connection, TablePlan plan, string stage, CancellationToken cancellationToken)
    {
        if (plan.Computed.Count == 1)
            return plan.Computed[0];
        await ScriptExecutor.ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", cancellationToken);
        foreach (var column in plan.Computed)
        {
            try
            {
                // OFFSET 0 keeps the expression in the subquery, and count(x) makes the server evaluate it on every row.
                await ScriptExecutor.ExecuteAsync(connection, $"SELECT count(x) FROM (SELECT ({column.Expression})::{column.Column.SqlType} AS x FROM {stage} OFFSET 0) s", cancellationToken);
            }
            catch (PostgresException e) when (!Execution.ServerFault.IsFault(e))
            {
                await ScriptExecutor.ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", cancellationToken);
                return column;
            }
        }
        return null;
    }
}
