using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// The Docker engine as Testcontainers finds it (DOCKER_HOST, Docker contexts, ~/.testcontainers.properties,
/// the default socket), so the availability check and the reaper talk to the same engine the containers run on.
/// </summary>
internal static class DockerEngine
{
    public const string NotReachableMessage =
        "Docker is not reachable: install and start a Docker engine (API 1.44 or newer; on CI run .ci/docker-setup.sh) "
        + "or point DOCKER_HOST at its socket, or choose another provider.";

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The engine's endpoint, or null when none answers. Testcontainers probes synchronously, hence the thread.</summary>
    public static Task<IDockerEndpointAuthenticationConfiguration?> FindAsync(CancellationToken cancellationToken) =>
        Task.Run(FindNow, cancellationToken);

    private static IDockerEndpointAuthenticationConfiguration? FindNow()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig;
        }
        catch (TypeInitializationException)
        {
            return null; // an unusable DOCKER_HOST or Testcontainers setting: as good as no engine
        }
    }

    public static DockerClient CreateClient(IDockerEndpointAuthenticationConfiguration endpoint) =>
        endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();

    public static async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(cancellationToken).ConfigureAwait(false);
        if (endpoint is null)
        {
            return false;
        }
        // Testcontainers remembers its first probe for the life of the process; ping again in case the engine went away.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        using var client = CreateClient(endpoint);
        try
        {
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
