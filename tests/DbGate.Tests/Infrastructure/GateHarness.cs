using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;

namespace DbGate.Tests.Infrastructure;

/// <summary>Runs the real gate against the shared test server, each run in a database of its own.</summary>
public static class GateHarness
{
    public static Task<GateResult> RunAsync(PostgresFixture server, string migrations, Func<GateOptions, GateOptions>? adjust = null)
    {
        // The round trip's tests see the round trip's findings; lint tests switch the lint on with adjust.
        var options = new GateOptions(RepoPaths.SolutionDirectory, migrations, Provider: "external", Connection: server.AdminConnectionString) { Lint = new(false) };
        return GateRunner.RunAsync(adjust?.Invoke(options) ?? options, log: null, CancellationToken.None);
    }

    /// <summary>(rule, migration) pairs, sorted, for exact comparisons that read well when they fail.</summary>
    public static IReadOnlyList<string> Verdicts(this GateResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Migration}").Order(StringComparer.Ordinal).ToList();
}
