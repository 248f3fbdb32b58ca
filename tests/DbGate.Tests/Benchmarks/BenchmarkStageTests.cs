using System.Text.Json;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// The benchmarks of one run, on the shared server: after the migrations, on the seeded final schema, with the
/// settings that make plans repeat, as the unprivileged work role, each query's bad input a finding at its entry.
/// One gate run serves every test here.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class BenchmarkStageTests(PostgresFixture server)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static GateResult? _shared;

    private const string Config = """
        seed:
          seed: 7
          rows: { customers: 200, orders: 5000 }
        benchmarks:
          defaults: { runs: 3, warmup: 1 }
          queries:
            - name: orders-of-customer
              sql: SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC LIMIT 20
              params: [[17], [150]]
              max_buffers: 10
            - name: delete-first-orders
              sql: DELETE FROM orders WHERE id <= 10
              runs: 3
              warmup: 0
            - name: read-the-password-hashes
              sql: SELECT count(*) FROM pg_authid
            - name: from-a-file
              file: queries/bad.sql
            - name: two-values-for-one
              sql: SELECT id FROM orders WHERE id = $1
              params: [[1, 2]]
            - name: forbid-on-a-typo
              sql: SELECT id FROM orders WHERE id = 1
              forbid: [Seq Scan on ordes]
        """;

    private async Task<GateResult> SharedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_shared is null)
            {
                using var folder = new TempFolder();
                folder.Write("1_shop.up.sql", BenchmarkProject.Shop);
                folder.Write("1_shop.down.sql", "DROP TABLE orders; DROP TABLE customers;");
                folder.Write("queries/bad.sql", "-- a typo on line 2\nSELECT id FRM orders\n");
                folder.Write("dbgate.yml", Config);
                _shared = await BenchmarkProject.RunAsync(server, folder.Path);
            }
            return _shared;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task Plans_are_made_repeatable_and_the_run_says_how()
    {
        var run = Assert.Single((await SharedAsync()).Benchmarks);

        var settings = run.Settings.ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(("off", "0", "force_custom_plan"), (settings["jit"], settings["max_parallel_workers_per_gather"], settings["plan_cache_mode"]));
        Assert.Equal("ANALYZE and VACUUM of 2 tables", run.Dataset.Statistics);
        Assert.Equal((7L, 5200L, 2), (run.Dataset.Seed, run.Dataset.Rows, run.Dataset.Tables));
        Assert.Matches("^[0-9a-f]{16}$", run.Dataset.Fingerprint);
        Assert.StartsWith("15.", run.ServerVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_parameter_set_is_measured_after_the_warm_up_and_keeps_its_median_plan_in_full()
    {
        var run = Assert.Single((await SharedAsync()).Benchmarks);

        var rows = run.Queries.Where(q => q.Name == "orders-of-customer").ToList();
        Assert.Equal(["17", "150"], rows.Select(r => Assert.Single(r.Parameters)));
        Assert.All(rows, row =>
        {
            Assert.Equal(3, row.Runs);
            var plan = row.Plan!.Value[0].GetProperty("Plan");
            Assert.Equal(plan.GetProperty("Total Cost").GetDouble(), row.Figures!.Cost);
            Assert.Equal(plan.GetProperty("Shared Hit Blocks").GetInt64() + plan.GetProperty("Shared Read Blocks").GetInt64(), row.Figures.Buffers);
            Assert.Equal("Limit", plan.GetProperty("Node Type").GetString());
            Assert.StartsWith("Limit(Sort(Seq Scan on public.orders", row.Shape, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_plan_finding_is_at_the_querys_name_line_and_names_node_table_value_and_threshold()
    {
        var result = await SharedAsync();

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG402");
        Assert.Equal("dbgate.yml:7:7", finding.Location!.ToString());
        Assert.Matches(@"^orders-of-customer with \((17|150)\) reads \d+ shared buffers \(\d+ hit, \d+ read\), above max_buffers 10; most of them in Seq Scan on public\.orders \(\d+\)$", finding.Message);
        Assert.Contains("plan: Limit → Sort → Seq Scan on public.orders", finding.Details);
        Assert.Equal(["DBG402"], result.Benchmarks[0].Queries.First(q => q.Name == "orders-of-customer").Findings);
    }

    [Fact]
    public async Task Every_run_of_a_data_changing_query_is_rolled_back_so_each_sees_the_seeded_rows()
    {
        var run = Assert.Single((await SharedAsync()).Benchmarks);

        var delete = Assert.Single(run.Queries, q => q.Name == "delete-first-orders");
        var scan = delete.Plan!.Value[0].GetProperty("Plan").GetProperty("Plans")[0];
        Assert.Equal(10, scan.GetProperty("Actual Rows").GetDouble());
        Assert.Equal(3, delete.Runs);
    }

    [Fact]
    public async Task Queries_run_as_the_unprivileged_work_role()
    {
        var result = await SharedAsync();

        var finding = Assert.Single(result.Findings, f => f.Message.StartsWith("benchmark read-the-password-hashes", StringComparison.Ordinal));
        Assert.Equal(("DBG400", "benchmark read-the-password-hashes cannot run: permission denied for table pg_authid"), (finding.RuleId, finding.Message));
    }

    [Theory]
    [InlineData("from-a-file", "queries/bad.sql:2:15", "benchmark from-a-file cannot run: syntax error at or near \"orders\"")]
    [InlineData("two-values-for-one", "dbgate.yml:21:16", "benchmark two-values-for-one with (1, 2) cannot run: params[0] gives 2 values, but the statement takes 1 ($1 bigint)")]
    [InlineData("forbid-on-a-typo", "dbgate.yml:24:16", "benchmark forbid-on-a-typo cannot run: forbid: 'Seq Scan on ordes' names table ordes, which the migrated schema does not have (did you mean orders?)")]
    public async Task Bad_input_is_a_finding_at_its_place_never_an_exception(string query, string location, string message)
    {
        var result = await SharedAsync();

        var finding = Assert.Single(result.Findings, f => f.Message.StartsWith($"benchmark {query} ", StringComparison.Ordinal));
        Assert.Equal(("DBG400", location, message), (finding.RuleId, finding.Location!.ToString(), finding.Message));
    }

    [Fact]
    public async Task Benchmarks_do_not_run_when_an_up_failed_and_the_run_says_why()
    {
        using var folder = new TempFolder();
        folder.Write("1_shop.up.sql", BenchmarkProject.Shop);
        folder.Write("2_broken.up.sql", "ALTER TABLE orders ADD COLUMN note txt;");
        folder.Write("dbgate.yml", "benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n");

        var result = await BenchmarkProject.RunAsync(server, folder.Path);

        Assert.Empty(result.Benchmarks);
        Assert.Contains("benchmarks not run: an up failed, so the schema is not the one the queries are written for", result.Notices);
    }
}
