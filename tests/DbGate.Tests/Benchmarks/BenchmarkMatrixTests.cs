using DbGate.Core.Gate;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Benchmarks;

public sealed class BenchmarkMatrixTests
{
    [DockerFact]
    public async Task With_a_version_matrix_every_version_is_benchmarked_on_its_own_server()
    {
        using var folder = new TempFolder();
        folder.Write("1_shop.up.sql", BenchmarkProject.Shop);
        folder.Write("dbgate.yml", """
            seed:
              rows: { customers: 50, orders: 500 }
            benchmarks:
              defaults: { runs: 1, warmup: 0 }
              queries:
                - name: orders-of-customer
                  sql: SELECT id FROM orders WHERE customer_id = $1
                  params: [[3]]
                  forbid: [Seq Scan on orders]
            """);

        var result = await BenchmarkProject.RunAsync("", folder.Path, o => o with
        {
            Provider = "auto",
            Connection = null,
            Image = "dbgate/postgres:" + VersionMatrix.VersionPlaceholder,
            Versions = ["15", "17"],
        });

        Assert.Equal(["15", "17"], result.Benchmarks.Select(b => b.ServerVersion.Split('.')[0]));
        Assert.All(result.Benchmarks, b => Assert.Equal("off", b.Settings.Single(s => s.Name == "jit").Value));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG405");
        Assert.Equal(["15", "17"], finding.Versions);
    }
}
