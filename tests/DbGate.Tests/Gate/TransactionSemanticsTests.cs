using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Gate;

/// <summary>Scripts run in a transaction exactly when the migration tool runs them in one; the server decides the rest.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class TransactionSemanticsTests(PostgresFixture server)
{
    private const string Table = "CREATE TABLE t (a int);";

    [Fact]
    public async Task A_golang_migrate_file_of_one_concurrent_statement_runs_outside_a_transaction_and_passes()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", Table);
        folder.Write("1_t.down.sql", "DROP TABLE t;");
        folder.Write("2_i.up.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);");
        folder.Write("2_i.down.sql", "DROP INDEX CONCURRENTLY t_a;");

        var result = await GateHarness.RunAsync(server, folder.Path);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task A_golang_migrate_file_of_several_statements_runs_in_an_implicit_transaction_where_concurrently_fails()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", Table + "\nCREATE INDEX CONCURRENTLY t_a ON t (a);");
        folder.Write("1_t.down.sql", "DROP TABLE t;");

        var result = await GateHarness.RunAsync(server, folder.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DBG001", 2, 1), (finding.RuleId, finding.Location?.Line, finding.Location?.Column));
        Assert.Contains("cannot run inside a transaction block", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Details, d => d.StartsWith("hint: the migration tool runs this script in a transaction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_diesel_migration_without_run_in_transaction_false_fails_on_concurrently_and_passes_with_it()
    {
        using var folder = new TempFolder();
        folder.Write("2024-01-01-000001_t/up.sql", Table);
        folder.Write("2024-01-01-000001_t/down.sql", "DROP TABLE t;");
        folder.Write("2024-01-01-000002_i/up.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);");
        folder.Write("2024-01-01-000002_i/down.sql", "DROP INDEX t_a;");

        var inTransaction = await GateHarness.RunAsync(server, folder.Path);
        folder.Write("2024-01-01-000002_i/metadata.toml", "run_in_transaction = false\n");
        var outside = await GateHarness.RunAsync(server, folder.Path);

        Assert.Equal(["DBG001 2024-01-01-000002_i"], inTransaction.Verdicts());
        Assert.Empty(outside.Findings);
    }
}
