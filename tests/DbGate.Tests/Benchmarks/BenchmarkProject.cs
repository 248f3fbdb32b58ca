using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>A scratch project for the benchmark tests: migrations and a dbgate.yml, gated on the shared server.</summary>
internal static class BenchmarkProject
{
    public const string Shop = """
        CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
        CREATE TABLE orders (
          id bigint PRIMARY KEY,
          customer_id bigint NOT NULL REFERENCES customers (id),
          total numeric(10, 2) NOT NULL CHECK (total >= 0),
          placed_at timestamptz NOT NULL
        );
        """;

    /// <summary>The gate as dbgate.yml configures it, with the lint and health checks off: these runs are about the benchmarks.</summary>
    public static Task<GateResult> RunAsync(string connection, string folder, Func<GateOptions, GateOptions>? adjust = null) =>
        GateHarness.RunConfiguredAsync(connection, folder, options =>
        {
            var off = options with { Lint = new(false), Health = Core.Rules.Schema.HealthSettings.Default with { Enabled = false } };
            return adjust?.Invoke(off) ?? off;
        });

    public static Task<GateResult> RunAsync(PostgresFixture server, string folder, Func<GateOptions, GateOptions>? adjust = null) =>
        RunAsync(server.AdminConnectionString, folder, adjust);
}
