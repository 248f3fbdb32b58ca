using System.Text.Json;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Lint;

/// <summary>dotnet dbgate stats export reads production sizes from the catalog and statistics views, and lint.stats uses them.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class StatsExportTests(PostgresFixture server)
{
    [Fact]
    public async Task The_export_holds_row_and_page_estimates_of_every_table_and_reads_none_of_their_rows()
    {
        await using var production = await server.CreateDatabaseAsync();
        await production.ExecuteAsync("""
            CREATE TABLE orders (id int, note text);
            INSERT INTO orders SELECT g, repeat('x', 40) FROM generate_series(1, 20000) g;
            CREATE TABLE countries (code text);
            INSERT INTO countries SELECT 'c' || g FROM generate_series(1, 40) g;
            CREATE SCHEMA billing;
            CREATE TABLE billing.invoices (id int);
            ANALYZE;
            """);
        var scansBefore = await ScansAsync(production);
        using var output = new TempFolder();
        var file = Path.Combine(output.Path, "prod-stats.json");

        var (exit, _, error) = await CliProcess.RunAsync("stats", "export", "--connection", production.ConnectionString, "--out", file);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(1, json.RootElement.GetProperty("format").GetInt32());
        var tables = json.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => $"{t.GetProperty("schema").GetString()}.{t.GetProperty("name").GetString()}");
        Assert.Equal(["billing.invoices", "public.countries", "public.orders"], tables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20000, tables["public.orders"].GetProperty("rows").GetDouble());
        Assert.Equal(40, tables["public.countries"].GetProperty("rows").GetDouble());
        Assert.True(tables["public.orders"].GetProperty("pages").GetInt64() > 10);
        Assert.True(tables["public.orders"].GetProperty("total_bytes").GetInt64() > 8192 * 10);
        // The export's session has ended, so its statistics are flushed: no scan of any table was added.
        Assert.Equal(scansBefore, await ScansAsync(production));
    }

    [Fact]
    public async Task Lint_stats_gives_the_lint_the_exported_sizes()
    {
        await using var production = await server.CreateDatabaseAsync();
        await production.ExecuteAsync("""
            CREATE TABLE orders (id int);
            INSERT INTO orders SELECT generate_series(1, 30000);
            CREATE TABLE countries (code text);
            INSERT INTO countries VALUES ('fr'), ('de');
            ANALYZE;
            """);
        using var project = new LintProject("CREATE TABLE orders (id int); CREATE TABLE countries (code text);");
        var large = project.Add("orders_index", "CREATE INDEX orders_id_idx ON orders (id);");
        var small = project.Add("countries_index", "CREATE INDEX countries_code_idx ON countries (code);");
        var (exit, _, error) = await CliProcess.RunAsync("stats", "export", "--connection", production.ConnectionString, "--out", Path.Combine(project.Path, "prod-stats.json"));
        Assert.True(exit == 0, error);
        project.Config("lint:\n  stats: prod-stats.json\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.Equal([$"DBG101 error {large}:1:1", $"DBG101 note {small}:1:1"], result.Of("DBG101"));
        Assert.Contains("public.orders (≈30k rows, ", result.Findings.Single(f => f.RuleId == "DBG101" && f.Location?.Path == large).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_one_line_and_exit_3()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 }.ConnectionString;

        var (exit, output, error) = await CliProcess.RunAsync("stats", "export", "--connection", unreachable);

        Assert.Equal(3, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("dbgate: stats export: ", line, StringComparison.Ordinal);
        Assert.Empty(output.Trim());
    }

    [Fact]
    public async Task A_file_that_is_no_export_is_a_configuration_error()
    {
        using var project = new LintProject("CREATE TABLE orders (id int);");
        File.WriteAllText(Path.Combine(project.Path, "prod-stats.json"), "{ \"rows\": 3 }");
        project.Config("lint:\n  stats: prod-stats.json\n");

        var error = await Assert.ThrowsAsync<Core.Configuration.ConfigurationException>(() => project.RunAsync(server.AdminConnectionString));

        Assert.StartsWith("lint.stats: prod-stats.json ", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ScansAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        // A backend flushes its statistics as it exits: wait until every other session of the database is gone.
        await using (var others = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection))
        {
            for (var i = 0; i < 600 && (long)(await others.ExecuteScalarAsync())! > 0; i++)
                await Task.Delay(50);
        }
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(relname || '=' || coalesce(seq_scan, 0) || '/' || coalesce(idx_scan, 0), ',' ORDER BY relname) FROM pg_stat_user_tables", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
