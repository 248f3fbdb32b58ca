using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// A forward-only tool's project gets the same benchmarks (seeded EXPLAIN judged by thresholds) and health checks as a
/// tool with downs: the same findings on the same schema, at the tool's own files, with the round trip said to be not
/// applicable once instead.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ForwardOnlyChecksTests(PostgresFixture server)
{
    private const string Customers = "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);";
    private const string Orders = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), placed_at timestamptz NOT NULL);";

    private const string Checks = """
        seed:
          seed: 7
          rows: { customers: 50, orders: 2000 }
        benchmarks:
          defaults: { runs: 1, warmup: 0 }
          queries:
            - name: orders-of-customer
              sql: SELECT id FROM orders WHERE customer_id = 3
              forbid: [Seq Scan on orders]
        """;

    [Theory]
    [InlineData("prisma", "prisma/migrations/20240101000000_customers/migration.sql", "prisma/migrations/20240102000000_orders/migration.sql")]
    [InlineData("dbup", "Scripts/Script0001 - Customers.sql", "Scripts/Script0002 - Orders.sql")]
    [InlineData("grate", "up/0001_customers.sql", "up/0002_orders.sql")]
    [InlineData("plain", "1_customers.sql", "2_orders.sql")]
    public async Task Benchmarks_and_health_report_as_for_a_tool_with_downs_and_the_round_trip_is_said_not_to_apply_once(string format, string first, string second)
    {
        using var forwardOnly = new TempFolder();
        forwardOnly.Write(first, Customers);
        forwardOnly.Write(second, Orders);
        if (format == "prisma")
            forwardOnly.Write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        if (format == "dbup")
            forwardOnly.Write("Shop.Migrations.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"dbup-postgresql\" Version=\"7.0.1\" /></ItemGroup></Project>\n");
        forwardOnly.Write("dbgate.yml", $"migrations: .\nformat: {format}\n{Checks}");

        var result = await RunAsync(forwardOnly.Path);
        var baseline = await ReversibleAsync();

        Assert.Equal(Judged(baseline), Judged(result));
        Assert.Contains("DBG405", result.Findings.Select(f => f.RuleId));
        Assert.Contains(result.Findings, f => f.RuleId == "DBG201" && f.Location?.Path == second);
        var benchmark = Assert.Single(Assert.Single(result.Benchmarks).Queries);
        Assert.Equal("orders-of-customer", benchmark.Name);
        Assert.Single(result.Notices, n => n.StartsWith($"round trip not applicable: {format} migrations are forward only", StringComparison.Ordinal));
        Assert.Empty(baseline.Notices);
        Assert.All(result.Steps, s => Assert.Equal((Phase.Up, Outcome.Passed), (s.Phase, s.Outcome)));
    }

    private static readonly Lock Once = new();
    private static Task<GateResult>? _reversible;

    /// <summary>The same schema in golang-migrate, with downs: gated once for every case.</summary>
    private Task<GateResult> ReversibleAsync()
    {
        lock (Once)
            return _reversible ??= Run();

        async Task<GateResult> Run()
        {
            using var reversible = new TempFolder();
            reversible.Write("1_customers.up.sql", Customers);
            reversible.Write("1_customers.down.sql", "DROP TABLE customers;");
            reversible.Write("2_orders.up.sql", Orders);
            reversible.Write("2_orders.down.sql", "DROP TABLE orders;");
            reversible.Write("dbgate.yml", $"migrations: .\nformat: golang-migrate\n{Checks}");
            return await RunAsync(reversible.Path);
        }
    }

    /// <summary>The benchmark and health findings, without where they point (each tool names its files its way).</summary>
    private static List<string> Judged(GateResult result) =>
        [.. result.Findings.Where(f => f.RuleId.StartsWith("DBG2", StringComparison.Ordinal) || f.RuleId.StartsWith("DBG4", StringComparison.Ordinal)).Select(f => $"{f.RuleId} {f.Level} {f.Message}").Order(StringComparer.Ordinal)];

    private Task<GateResult> RunAsync(string folder) =>
        GateHarness.RunConfiguredAsync(server.AdminConnectionString, folder, o => o with { ProjectRoot = folder, Lint = new(false), Health = Core.Rules.Schema.HealthSettings.Default });
}
