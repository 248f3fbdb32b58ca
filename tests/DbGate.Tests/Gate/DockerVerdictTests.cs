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
            var local = await GateHarness.RunAsync(server, RepoPaths.Sample(sample));
            var options = new GateOptions(RepoPaths.SolutionDirectory, RepoPaths.Sample(sample), Provider: "docker", Image: DockerTestEnvironment.Image);

            var docker = await GateRunner.RunAsync(options, log: null, CancellationToken.None);

            Assert.Contains("(docker, ", docker.Server, StringComparison.Ordinal);
            Assert.Equal(local.Verdicts(), docker.Verdicts());
            Assert.Equal(local.Findings.Select(f => f.Message), docker.Findings.Select(f => f.Message));
        }
    }
}
