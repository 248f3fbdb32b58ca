using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Gate;

[Collection(PostgresServerGroup.Name)]
public sealed class DockerVerdictTests(PostgresFixture server)
{
    [DockerFact]
    public async Task The_docker_provider_gives_the_same_verdicts_as_the_local_server_on_both_samples()
    {
        foreach (var sample in new[] { "shop/migrations", "shop-broken/migrations" })
        {
            // The lint and the schema health checks on in both: their verdicts must not depend on where the server runs.
            var local = await GateHarness.RunAsync(server, RepoPaths.Sample(sample), o => o with { Lint = new(), Health = Core.Rules.Schema.HealthSettings.Default });
            var options = new GateOptions(RepoPaths.SolutionDirectory, RepoPaths.Sample(sample), Provider: "docker", Image: DockerTestEnvironment.Image);

            var docker = await GateRunner.RunAsync(options, log: null, CancellationToken.None);

            Assert.Contains("(docker, ", docker.Server, StringComparison.Ordinal);
            Assert.Equal(local.Verdicts(), docker.Verdicts());
            Assert.Equal(local.Findings.Select(f => f.Message), docker.Findings.Select(f => f.Message));
        }
    }

    /// <summary>In a container the role logs in over TCP with its per-run password, and is as powerless as locally.</summary>
    [DockerFact]
    public async Task In_docker_migrations_run_as_the_unprivileged_role_and_cannot_reach_the_container()
    {
        using var project = new TempFolder();
        project.Write("0001_attempt.up.sql", "COPY (SELECT 1) TO PROGRAM 'cat > /tmp/owned'");
        var options = new GateOptions(RepoPaths.SolutionDirectory, project.Path, Provider: "docker", Image: DockerTestEnvironment.Image);

        var result = await GateRunner.RunAsync(options, log: null, CancellationToken.None);

        Assert.StartsWith("Least privilege: migrations ran as role dbgate_", result.RunAs, StringComparison.Ordinal);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG001");
        Assert.Contains("to COPY to or from an external program", finding.Message, StringComparison.Ordinal);
    }
}
