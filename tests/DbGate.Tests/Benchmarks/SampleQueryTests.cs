using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// The bundled samples/shop-queries end to end: its query needs an index no migration creates, so the gate fails
/// with a Seq Scan finding; a new migration that creates the index makes it pass.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SampleQueryTests(PostgresFixture server)
{
    [Fact]
    public async Task The_sample_fails_on_the_seq_scan_of_orders_at_its_query_in_dbgate_yml()
    {
        using var copy = Copy();

        var result = await BenchmarkProject.RunAsync(server, copy.Path);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG405");
        Assert.Equal(("dbgate.yml", 19, Level.Error), (finding.Location!.Path, finding.Location.Line, finding.Level));
        Assert.StartsWith("Seq Scan on public.orders in orders-of-customer with (", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("which forbid: [Seq Scan on orders] does not allow", finding.Message, StringComparison.Ordinal);
        Assert.True(result.FailsAt(Level.Error));
    }

    [Fact]
    public async Task Adding_the_index_in_a_new_migration_makes_every_benchmark_pass()
    {
        using var copy = Copy();
        copy.Write("migrations/0003_index_orders_of_customer.up.sql", "CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);\n");
        copy.Write("migrations/0003_index_orders_of_customer.down.sql", "DROP INDEX CONCURRENTLY orders_customer_id_placed_at_idx;\n");

        var result = await BenchmarkProject.RunAsync(server, copy.Path);

        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG4", StringComparison.Ordinal));
        var run = Assert.Single(result.Benchmarks);
        Assert.All(run.Queries, q => Assert.Empty(q.Findings));
        Assert.All(run.Queries.Where(q => q.Name == "orders-of-customer"), q => Assert.Contains("orders_customer_id_placed_at_idx", q.Shape, StringComparison.Ordinal));
    }

    /// <summary>The sample as committed (its dbgate.yml included), less its reports, in a folder of its own.</summary>
    private static TempFolder Copy()
    {
        var folder = new TempFolder();
        var source = RepoPaths.Sample("shop-queries");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/out/", StringComparison.Ordinal)))
            folder.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        return folder;
    }
}
