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
    public async Task The_sample_fails_on_a_seq_scan_with_proven_advice_and_the_advised_index_in_a_new_migration_makes_it_pass()
    {
        using var copy = Copy();

        var before = await BenchmarkProject.RunAsync(server, copy.Path);

        var finding = Assert.Single(before.Findings, f => f.RuleId == "DBG405");
        Assert.Equal(("dbgate.yml", 19, Level.Error), (finding.Location!.Path, finding.Location.Line, finding.Level));
        Assert.StartsWith("Seq Scan on public.orders in orders-of-customer with (", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("which forbid: [Seq Scan on orders] does not allow", finding.Message, StringComparison.Ordinal);
        var advice = Assert.Single(finding.Details, d => d.StartsWith("advice: ", StringComparison.Ordinal))["advice: ".Length..];
        Assert.StartsWith("CREATE INDEX CONCURRENTLY orders_customer_id", advice, StringComparison.Ordinal);
        Assert.Contains(finding.Details, d => d.StartsWith("the query then passes its plan thresholds; measured by building it on the seeded data", StringComparison.Ordinal));
        Assert.Matches(@"^with it, orders-of-customer with \(17\): cost \d+ → [\d.]+, buffers \d+ → \d+; plan .*orders_customer_id", finding.Details.First(d => d.StartsWith("with it, orders-of-customer with (17)", StringComparison.Ordinal)));
        Assert.True(before.FailsAt(Level.Error));

        copy.Write("migrations/0003_index_orders_of_customer.up.sql", advice + "\n");
        copy.Write("migrations/0003_index_orders_of_customer.down.sql", "DROP INDEX CONCURRENTLY " + advice.Split(' ')[3] + ";\n");
        var after = await BenchmarkProject.RunAsync(server, copy.Path);

        Assert.DoesNotContain(after.Findings, f => f.RuleId.StartsWith("DBG4", StringComparison.Ordinal));
        var run = Assert.Single(after.Benchmarks);
        Assert.All(run.Queries, q => Assert.Empty(q.Findings));
        Assert.All(run.Queries.Where(q => q.Name == "orders-of-customer"), q => Assert.Contains(advice.Split(' ')[3], q.Shape, StringComparison.Ordinal));
        Assert.False(after.FailsAt(Level.Error));
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
