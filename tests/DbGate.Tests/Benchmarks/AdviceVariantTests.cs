using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// On the shared server and seeded data: a covering (INCLUDE) and a partial index win the proven advice where they
/// read fewest buffers, and forbid: [Sort spilling to disk] catches a sort past work_mem but not a top-N sort in
/// memory above a scan that spilled. One gate run serves every test here.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class AdviceVariantTests(PostgresFixture server)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static GateResult? _shared;

    private const string Config = """
        seed:
          seed: 5
          rows: { customers: 200, orders: 20000 }
          columns:
            orders.deleted_at: { null_fraction: 0.02 }
        benchmarks:
          defaults: { runs: 1, warmup: 0 }
          queries:
            - name: totals-of-customer
              sql: SELECT customer_id, total FROM orders WHERE customer_id = $1
              params: [[7]]
              forbid: [Seq Scan]
            - name: live-orders-of-customer
              sql: SELECT id, placed_at FROM orders WHERE customer_id = $1 AND deleted_at IS NULL
              params: [[7]]
              forbid: [Seq Scan]
            - name: sorted-series
              sql: SELECT g, md5(g::text) AS h FROM generate_series(1, 200000) AS g ORDER BY h
              forbid: [Sort spilling to disk]
              max_time_ms: 60000
            - name: top-of-series
              sql: SELECT g, md5(g::text) AS h FROM generate_series(1, 200000) AS g ORDER BY h LIMIT 10
              forbid: [Sort spilling to disk]
              max_time_ms: 60000
              max_misestimate: 1000000
        """;

    private async Task<GateResult> SharedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_shared is null)
            {
                using var folder = new TempFolder();
                folder.Write("1_shop.up.sql", """
                    CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
                    CREATE TABLE orders (
                      id bigint PRIMARY KEY,
                      customer_id bigint NOT NULL REFERENCES customers (id),
                      total numeric(10, 2) NOT NULL,
                      placed_at timestamptz NOT NULL,
                      deleted_at timestamptz
                    );
                    """);
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

    private static Finding Seq(GateResult result, string query) =>
        Assert.Single(result.Findings, f => f.RuleId == "DBG405" && f.Subject == $"benchmark {query}");

    [Fact]
    public async Task A_covering_index_wins_where_an_index_only_scan_reads_fewest_buffers()
    {
        var finding = Seq(await SharedAsync(), "totals-of-customer");

        Assert.Contains("advice: CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id) INCLUDE (total);", finding.Details);
        Assert.Contains(finding.Details, d => d.Contains("plan Index Only Scan using orders_customer_id_idx on public.orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_index_wins_where_the_query_reads_only_the_rows_it_holds()
    {
        var finding = Seq(await SharedAsync(), "live-orders-of-customer");

        Assert.Contains("advice: CREATE INDEX CONCURRENTLY orders_customer_id_partial_idx ON public.orders (customer_id) WHERE deleted_at IS NULL;", finding.Details);
        Assert.Contains(finding.Details, d => d.Contains("using orders_customer_id_partial_idx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sort_past_work_mem_is_a_sort_spilling_to_disk_and_a_top_n_sort_above_a_spilled_scan_is_not()
    {
        var result = await SharedAsync();

        var spilled = Seq(result, "sorted-series");
        Assert.Equal("Sort in sorted-series spilled to disk, which forbid: [Sort spilling to disk] does not allow", spilled.Message);
        Assert.DoesNotContain(result.Findings, f => f.Subject == "benchmark top-of-series");
        Assert.Contains(Assert.Single(result.Benchmarks).Settings, s => s.Name == "work_mem");
    }
}
