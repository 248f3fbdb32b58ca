using DbGate.Core.Benchmarks;
using DbGate.Core.Results;

namespace DbGate.Tests.Benchmarks;

/// <summary>A benchmarked run built the way the stage builds it: EXPLAIN's JSON parsed, judged by the rules.</summary>
internal static class BenchmarkSamples
{
    /// <summary>Written for these tests in the shape PostgreSQL 15 gives for a filtered scan under a sort and a limit.</summary>
    public const string SeqScanPlan = """
        [{"Plan": {"Node Type": "Limit", "Startup Cost": 625.06, "Total Cost": 625.07, "Plan Rows": 5, "Plan Width": 22,
          "Actual Startup Time": 1.8, "Actual Total Time": 1.82, "Actual Rows": 8, "Actual Loops": 1, "Output": ["id", "total"],
          "Shared Hit Blocks": 250, "Shared Read Blocks": 0,
          "Plans": [{"Node Type": "Sort", "Parent Relationship": "Outer", "Startup Cost": 625.06, "Total Cost": 625.07, "Plan Rows": 5,
            "Actual Startup Time": 1.8, "Actual Total Time": 1.81, "Actual Rows": 8, "Actual Loops": 1, "Sort Key": ["orders.placed_at DESC"],
            "Sort Method": "quicksort", "Sort Space Used": 25, "Sort Space Type": "Memory", "Shared Hit Blocks": 250, "Shared Read Blocks": 0,
            "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Schema": "public", "Alias": "orders",
              "Startup Cost": 0.0, "Total Cost": 625.0, "Plan Rows": 5, "Actual Startup Time": 0.1, "Actual Total Time": 1.79, "Actual Rows": 8,
              "Actual Loops": 1, "Output": ["id", "total", "placed_at"], "Filter": "(orders.customer_id = '17'::bigint)",
              "Rows Removed by Filter": 29992, "Shared Hit Blocks": 250, "Shared Read Blocks": 0}]}]},
          "Planning Time": 0.1, "Execution Time": 1.84}]
        """;

    public static BenchmarkQuery Query(BenchmarkLimits limits) =>
        new("orders-of-customer", "SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC LIMIT 20", [["17"]], limits,
            new SourceLocation("dbgate.yml", 9, 7), new SourceLocation("dbgate.yml", 10, 7));

    public static GateResult Benchmarked()
    {
        var plan = ExplainedPlan.Parse(SeqScanPlan);
        var query = Query(new BenchmarkLimits(MaxCost: 100, MaxBuffers: 500) { Forbid = [ForbiddenNode.Parse("Seq Scan on orders", null)] });
        var broken = new BenchmarkQuery("by-email", "SELECT id FROM customers WHERE mail = $1", [["a@example.com"]], BenchmarkLimits.Default,
            new SourceLocation("dbgate.yml", 13, 7), new SourceLocation("dbgate.yml", 14, 7));
        var observed = new BenchmarkObservation(
            "15.18",
            [new BenchmarkSetting("jit", "off"), new BenchmarkSetting("max_parallel_workers_per_gather", "0"), new BenchmarkSetting("plan_cache_mode", "force_custom_plan")],
            new BenchmarkDataset(42, "3a27bd605242241b", 32000, 2, "ANALYZE and VACUUM of 2 tables"),
            [
                new QueryFacts(query, [new ParameterSetRun(0, ["17"], plan, [1.94, 1.96, 1.94])]),
                new QueryFacts(broken, [], new QueryFailure("column \"mail\" does not exist", broken.Location, ["SQLSTATE 42703"])),
            ]);
        var (findings, run, _) = BenchmarkJudge.Judge(observed, "PostgreSQL 15.18 (local)", new Dictionary<string, Level>());
        return new GateResult("/repo", "PostgreSQL 15.18 (local)", [new StepResult("1_shop", Phase.Up, Outcome.Passed, TimeSpan.FromMilliseconds(12))], findings, TimeSpan.FromSeconds(2))
        {
            Benchmarks = [run!],
        };
    }
}
