using Docker.DotNet;
using Docker.DotNet.Models;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// Force-removes DbGate's containers. Testcontainers only stops a container on dispose when Ryuk is off,
/// and a stopped container still holds its disk and name.
/// </summary>
internal static class ContainerRemoval
{
    /// <summary>Removes every container of one run, found by its run label, so even one whose creation was interrupted goes.</summary>
    public static async Task RemoveRunAsync(IDockerClient client, Guid runId, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(
            LabelledWith($"{ContainerOwner.RunLabel}={runId:D}"), cancellationToken).ConfigureAwait(false);
        foreach (var container in containers)
        {
            await TryRemoveAsync(client, container.ID, cancellationToken).ConfigureAwait(false);
        }
    }

    public static ContainersListParameters LabelledWith(string labelFilter) => new()
    {
        All = true,
        Filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [labelFilter] = true },
        },
    };

    /// <summary>False when the container was already gone or is being removed by someone else.</summary>
    public static async Task<bool> TryRemoveAsync(IDockerClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(
                id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false; // removal already in progress
        }
    }
}
