using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace DbGate.Core.Providers.Docker;

/// <summary>Turns what went wrong while starting a container into a one-line <see cref="InfrastructureException"/>.</summary>
internal static class StartFailure
{
    public static async Task<InfrastructureException> DescribeAsync(
        Exception failure, string image, string password, TimeSpan startTimeout, IDockerEndpointAuthenticationConfiguration endpoint)
    {
        if (failure is DockerUnavailableException)
        {
            return new InfrastructureException(DockerEngine.NotReachableMessage, failure);
        }
        if (failure is OperationCanceledException)
        {
            return new InfrastructureException(
                $"PostgreSQL in a container from image '{image}' was not ready within {startTimeout.TotalSeconds:0} s; "
                + "check that the image runs a PostgreSQL server and has pg_isready on its PATH.", failure);
        }
        if (!await ImageIsPresentAsync(image, endpoint).ConfigureAwait(false))
        {
            return new InfrastructureException(
                $"Docker image '{image}' is not on this machine and could not be pulled: pull it where its registry is reachable, "
                + "or use a local image (.ci/docker-setup.sh builds dbgate/postgres:15 and dbgate/postgres:17).", failure);
        }
        return new InfrastructureException(
            $"Could not start PostgreSQL in a container from image '{image}': {FirstLine(failure.Message).Replace(password, "***", StringComparison.Ordinal)}", failure);
    }

    private static async Task<bool> ImageIsPresentAsync(string image, IDockerEndpointAuthenticationConfiguration endpoint)
    {
        using var client = DockerEngine.CreateClient(endpoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.Images.InspectImageAsync(image, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or OperationCanceledException)
        {
            return true; // unknown: do not claim the image is missing
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
