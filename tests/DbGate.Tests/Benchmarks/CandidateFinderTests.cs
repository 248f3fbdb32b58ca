using DbGate.Core.Benchmarks;
using DbGate.Core.Benchmarks.Advice;

namespace DbGate.Tests.Benchmarks;

/// <summary>Index candidates read from EXPLAIN (VERBOSE)'s conditions: pure, so tested without a server.</summary>
public sealed class CandidateFinderTests
{
    private static readonly Dictionary<string, IReadOnlySet<string>> Columns = new(StringComparer.Ordinal)
    {
        ["public.orders"] = new HashSet<string>(StringComparer.Ordinal) { "id", "customer_id", "total", "placed_at", "deleted_at", "status" },
        ["public.customers"] = new HashSet<string>(StringComparer.Ordinal) { "id", "email" },
    };

    private static List<string> Candidates(string plan) =>
        [.. CandidateFinder.Find(ExplainedPlan.Parse(plan).Root, Columns).Select(c => c.Create(n => n, concurrently: true))];

    [Fact]
    public void A_filtered_scan_under_a_sort_gives_the_equality_column_then_the_order_then_a_covering_variant()
    {
        Assert.Equal(
            [
                "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON public.orders (customer_id, placed_at DESC)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON public.orders (customer_id, placed_at DESC) INCLUDE (id, total)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id) INCLUDE (id, total, placed_at)",
            ],
            Candidates(BenchmarkSamples.SeqScanPlan));
    }

    [Fact]
    public void A_fixed_null_test_makes_a_partial_variant_and_a_range_follows_the_equality_columns()
    {
        var plan = """
            [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "public", "Alias": "o", "Total Cost": 500, "Plan Rows": 3,
              "Actual Rows": 3, "Actual Loops": 1, "Output": ["o.id"], "Rows Removed by Filter": 9997,
              "Filter": "((o.deleted_at IS NULL) AND (o.customer_id = '5'::bigint) AND (o.placed_at >= '2024-01-01'::date) AND (lower(o.status) = 'paid'::text))"},
              "Planning Time": 0.1, "Execution Time": 1}]
            """;

        Assert.Equal(
            [
                "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON public.orders (customer_id, placed_at)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON public.orders (customer_id, placed_at) INCLUDE (id)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_partial_idx ON public.orders (customer_id, placed_at) WHERE deleted_at IS NULL",
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id) INCLUDE (id)",
                "CREATE INDEX CONCURRENTLY orders_customer_id_partial_idx ON public.orders (customer_id) WHERE deleted_at IS NULL",
            ],
            Candidates(plan));
    }

    [Fact]
    public void The_inner_scan_of_a_join_gets_its_join_column()
    {
        var plan = """
            [{"Plan": {"Node Type": "Hash Join", "Total Cost": 900, "Plan Rows": 10, "Actual Rows": 10, "Actual Loops": 1,
              "Hash Cond": "(o.customer_id = c.id)",
              "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "public", "Alias": "o", "Total Cost": 600, "Plan Rows": 20000, "Actual Rows": 20000, "Actual Loops": 1},
                {"Node Type": "Hash", "Total Cost": 30, "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 1, "Plans": [
                  {"Node Type": "Index Scan", "Relation Name": "customers", "Schema": "public", "Alias": "c", "Index Name": "customers_email_key", "Total Cost": 8, "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 1,
                   "Index Cond": "(c.email = 'a@example.com'::text)"}]}]},
              "Planning Time": 0.1, "Execution Time": 1}]
            """;

        Assert.Equal(["CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)"], Candidates(plan));
    }
}
