using DbGate.Core.Providers.Docker;
using DotNet.Testcontainers.Builders;

namespace DbGate.Tests.Providers.Docker;

public sealed class StartFailureTests
{
    [Fact]
    public async Task Unreachable_engine_says_what_to_install_or_set_in_one_line()
    {
        var failure = await StartFailure.DescribeAsync(
            new DockerUnavailableException("Docker is either not running or misconfigured.\nSee the stack."),
            "postgres:17", "secret", TimeSpan.FromMinutes(2), endpoint: null!);

        Assert.Equal(DockerEngine.NotReachableMessage, failure.Message);
        Assert.Contains("DOCKER_HOST", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task Readiness_timeout_names_the_image_and_the_wait()
    {
        var failure = await StartFailure.DescribeAsync(
            new OperationCanceledException(), "postgres:17", "secret", TimeSpan.FromMinutes(2), endpoint: null!);

        Assert.Contains("'postgres:17'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("120 s", failure.Message, StringComparison.Ordinal);
    }
}
