using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// The benchmark baseline end to end: dotnet dbgate benchmark --update-baseline records the plans, and check then
/// fails on a migration that doubles a query's buffers or turns an index scan into a sequential scan, naming it; a
/// baseline measured on other data is refused in one line.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class BenchmarkBaselineTests(PostgresFixture server)
{
    private const string Config = """
        seed:
          seed: 5
          rows: { customers: 100, orders: 5000 }
        benchmarks:
          queries:
            - name: orders-of-customer
              sql: SELECT id, total FROM orders WHERE customer_id = $1
              params: [[7]]
            - name: big-orders
              sql: SELECT count(*) FROM orders WHERE total > $1
              params: [[100]]
        """;

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _baseline;

    /// <summary>The baseline file the CLI writes for the project before any change, made once for every test here.</summary>
    private async Task<TempFolder> ProjectWithBaselineAsync()
    {
        var folder = new TempFolder();
        folder.Write("1_shop.up.sql", BenchmarkProject.Shop + "\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n");
        folder.Write("dbgate.yml", Config);
        await Once.WaitAsync();
        try
        {
            if (_baseline is null)
            {
                var (exit, output, error) = await CliProcess.RunAsync("benchmark", folder.Path, "--update-baseline", "--connection", server.AdminConnectionString);
                Assert.True(exit == 0, error);
                Assert.Contains("dbgate: wrote 2 benchmark(s) to ", output, StringComparison.Ordinal);
                _baseline = File.ReadAllText(Path.Combine(folder.Path, "dbgate.benchmarks.json"));
            }
            folder.Write("dbgate.benchmarks.json", _baseline);
            return folder;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_baseline_records_shape_access_cost_buffers_seed_contract_schema_and_server()
    {
        using var folder = await ProjectWithBaselineAsync();

        var text = File.ReadAllText(Path.Combine(folder.Path, "dbgate.benchmarks.json"));

        Assert.Contains("\"serverVersion\": \"15.", text, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 5,", text, StringComparison.Ordinal);
        Assert.Contains("\"contract\": \"seed 5, generator 2, PostgreSQL 15, rows and overrides ", text, StringComparison.Ordinal);
        Assert.Matches("\"schema\": \"[0-9a-f]{16}\"", text);
        Assert.Matches(@"""public\.orders"": \[\s+""Bitmap Heap Scan""", text);
        Assert.Matches("\"buffers\": [0-9]+", text);
    }

    [Fact]
    public async Task Check_passes_on_the_schema_the_baseline_was_measured_on_and_says_it_compared()
    {
        using var folder = await ProjectWithBaselineAsync();

        var result = await BenchmarkProject.RunAsync(server, folder.Path);

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "DBG407" or "DBG408");
        Assert.Contains("benchmarks compared with dbgate.benchmarks.json (same schema)", result.Notices);
    }

    [Fact]
    public async Task A_migration_that_doubles_a_querys_buffers_fails_against_the_baseline_and_is_named()
    {
        using var folder = await ProjectWithBaselineAsync();
        folder.Write("2_gift_note.up.sql", "ALTER TABLE orders ADD COLUMN gift_note char(300) NOT NULL DEFAULT '';");

        var result = await BenchmarkProject.RunAsync(server, folder.Path);

        // Wider rows cost the index lookup more too; the scan of the whole table reads the pages that doubled.
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG407" && f.Subject == "benchmark big-orders");
        Assert.Equal(("dbgate.yml", 9), (finding.Location!.Path, finding.Location.Line));
        Assert.Matches(@"^big-orders with \(100\) reads \d+ shared buffers, \d+% more than the baseline's \d+ \(tolerance 20%\); the plan changed with migration 2_gift_note, the last to change a table the query reads$", finding.Message);
        var before = long.Parse(System.Text.RegularExpressions.Regex.Match(finding.Message, @"baseline's (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var after = long.Parse(System.Text.RegularExpressions.Regex.Match(finding.Message, @"reads (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after >= 2 * before, finding.Message);
        Assert.Contains(finding.Details, d => d.StartsWith("baseline (dbgate.benchmarks.json): cost ", StringComparison.Ordinal));
        Assert.Contains(finding.Details, d => d.StartsWith("now: cost ", StringComparison.Ordinal));
        Assert.Contains("benchmarks compared with dbgate.benchmarks.json, measured on the schema before 2_gift_note; changed since by 2_gift_note", result.Notices);
    }

    [Fact]
    public async Task A_migration_that_turns_an_index_scan_into_a_seq_scan_fails_and_is_named()
    {
        using var folder = await ProjectWithBaselineAsync();
        folder.Write("2_drop_index.up.sql", "DROP INDEX orders_customer_id_idx;");

        var result = await BenchmarkProject.RunAsync(server, folder.Path);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG408");
        Assert.Equal(
            "orders-of-customer with (7) reads public.orders by Seq Scan; the baseline read it by Bitmap Heap Scan; the plan changed with migration 2_drop_index, the last to change a table the query reads",
            finding.Message);
        Assert.Contains(finding.Details, d => d.StartsWith("baseline (dbgate.benchmarks.json): Bitmap Heap Scan on public.orders(Bitmap Index Scan using orders_customer_id_idx)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_baseline_from_a_schema_this_runs_migrations_never_produce_is_refused_in_one_line()
    {
        using var folder = await ProjectWithBaselineAsync();
        // The migration the baseline was measured after, edited in place: no point of this history is its schema.
        folder.Write("1_shop.up.sql", BenchmarkProject.Shop + "\nCREATE INDEX orders_customer_id_idx ON orders (customer_id, total);\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => BenchmarkProject.RunAsync(server, folder.Path));

        Assert.Matches(@"^dbgate\.benchmarks\.json was measured on schema [0-9a-f]{16}, which this run's migrations never produced \(its schema is [0-9a-f]{16}\): the baseline comes from another history of migrations \(a branch this one is behind, or a migration edited since\); merge that branch, or write it again with dotnet dbgate benchmark --update-baseline$", error.Message);
    }

    [Fact]
    public async Task A_baseline_measured_with_another_seed_is_refused_in_one_line()
    {
        using var folder = await ProjectWithBaselineAsync();
        folder.Write("dbgate.yml", Config.Replace("seed: 5", "seed: 6", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => BenchmarkProject.RunAsync(server, folder.Path));

        Assert.Matches(@"^dbgate\.benchmarks\.json was measured with seed 5, generator 2, PostgreSQL 15, rows and overrides [0-9a-f]{8}, this run with seed 6, .*: the figures do not compare; write it again with dotnet dbgate benchmark --update-baseline$", error.Message);
    }
}
