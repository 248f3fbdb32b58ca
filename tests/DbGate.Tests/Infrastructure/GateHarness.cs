using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;

namespace DbGate.Tests.Infrastructure;

/// <summary>Runs the real gate against the shared test server, each run in a database of its own.</summary>
public static class GateHarness
{
    /// <remarks>The schema health checks are off unless <paramref name="adjust"/> turns them on: these runs are about
    /// the round trip, and health findings (a table without a primary key) would only be noise in their exact verdicts.</remarks>
    public static Task<GateResult> RunAsync(PostgresFixture server, string migrations, Func<GateOptions, GateOptions>? adjust = null)
    {
        // The round trip's tests see the round trip's findings; lint and health tests switch theirs on with adjust.
        var options = new GateOptions(RepoPaths.SolutionDirectory, migrations, Provider: "external", Connection: server.AdminConnectionString)
        {
            Lint = new(false),
            Health = Core.Rules.Schema.HealthSettings.Default with { Enabled = false },
        };
        return GateRunner.RunAsync(adjust?.Invoke(options) ?? options, log: null, CancellationToken.None);
    }

    /// <summary>The options the dbgate.yml in <paramref name="folder"/> gives (as users configure a run), on the given server.</summary>
    public static Task<GateOptions> ConfiguredOptionsAsync(string connection, string folder) =>
        OptionsResolver.ResolveAsync(new CheckArguments(folder, Provider: "external", Connection: connection), folder, CancellationToken.None);

    /// <summary>The gate as the dbgate.yml in <paramref name="folder"/> configures it; <paramref name="adjust"/> changes the resolved options.</summary>
    public static async Task<GateResult> RunConfiguredAsync(string connection, string folder, Func<GateOptions, GateOptions>? adjust = null)
    {
        var options = await ConfiguredOptionsAsync(connection, folder);
        return await GateRunner.RunAsync(adjust?.Invoke(options) ?? options, log: null, CancellationToken.None);
    }

    /// <summary>(rule, migration) pairs, sorted, for exact comparisons that read well when they fail.</summary>
    public static IReadOnlyList<string> Verdicts(this GateResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Migration}").Order(StringComparer.Ordinal).ToList();
}
