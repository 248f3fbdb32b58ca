using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace DbGate.Core.Providers.Docker;

/// <summary>The container of one run and what it takes to remove it, whether it started, failed half-way or is done.</summary>
internal sealed record RunContainer(PostgreSqlContainer Container, IDockerEndpointAuthenticationConfiguration Endpoint, Guid RunId)
{
    public string Id => Container.Id;

    /// <summary>Best effort, so that clean-up never hides the outcome of a run; what it misses, the next run reaps.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        using (var client = DockerEngine.CreateClient(Endpoint))
        {
            try
            {
                await ContainerRemoval.RemoveRunAsync(client, RunId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DockerApiException or HttpRequestException)
            {
                // The engine went away or refused; the labels stay on the container for the reaper.
            }
        }
        try
        {
            // Releases Testcontainers' own resources; the container it would stop is already gone.
            await Container.DisposeAsync().ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Nothing left to release on the engine's side.
        }
    }
}
