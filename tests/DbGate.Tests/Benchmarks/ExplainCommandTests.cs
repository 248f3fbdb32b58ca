using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary><c>dotnet dbgate explain</c> as a real process: it migrates and seeds, then shows the plan as a tree with the offending nodes marked.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ExplainCommandTests(PostgresFixture server)
{
    [Fact]
    public async Task The_plan_is_a_tree_whose_offending_node_is_marked_and_followed_by_the_finding_with_advice()
    {
        var (exit, output, error) = await CliProcess.RunAsync(
            "explain", "SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC LIMIT 20", RepoPaths.Sample("shop-queries"),
            "--connection", server.AdminConnectionString, "--param", "17");

        Assert.True(exit == 1, error);
        var lines = output.Split('\n');
        Assert.StartsWith("Limit  cost ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("└── Sort  cost ", lines[2], StringComparison.Ordinal);
        var scan = lines[3];
        Assert.StartsWith("    └── Seq Scan on public.orders  cost ", scan, StringComparison.Ordinal);
        Assert.Contains("filter (orders.customer_id = '17'::bigint), removed ", scan, StringComparison.Ordinal);
        Assert.Contains("◀ removes 99.99% of the rows it reads (max_rows_removed_ratio 0.9)", scan, StringComparison.Ordinal);
        Assert.DoesNotContain("◀", lines[1] + lines[2], StringComparison.Ordinal);
        Assert.Contains("error DBG403: Seq Scan on public.orders in explain with (17) removes", output, StringComparison.Ordinal);
        Assert.Contains("    advice: CREATE INDEX CONCURRENTLY orders_customer_id", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "dbgate: explain: give one statement (got 2)")]
    [InlineData("SELECT 'open", "dbgate: explain: unterminated quoted string")]
    public async Task Anything_but_one_statement_is_one_line_and_exit_2_before_any_server_starts(string sql, string message)
    {
        var (exit, _, error) = await CliProcess.RunAsync("explain", sql, RepoPaths.Sample("shop-queries"), "--connection", server.AdminConnectionString);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Trim());
    }
}
