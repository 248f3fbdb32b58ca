using DbGate.Core.Providers.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace DbGate.Tests.Providers.Docker;

/// <summary>Direct engine access for checking what the provider left behind, and for planting leftovers.</summary>
internal static class DockerTestContainers
{
    public static async Task<bool> ExistsAsync(string containerId)
    {
        using var client = await ClientAsync();
        try
        {
            await client.Containers.InspectContainerAsync(containerId);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A created (not started) container from the image under test, labelled as if <paramref name="owner"/> had started it.</summary>
    public static async Task<string> PlantAsync(ContainerOwner owner)
    {
        using var client = await ClientAsync();
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = DockerTestEnvironment.Image,
            Labels = new Dictionary<string, string>(owner.ToLabels()),
        });
        return created.ID;
    }

    /// <summary>The one container whose labels name <paramref name="pid"/> as its owner.</summary>
    public static async Task<string> OwnedByAsync(int pid)
    {
        using var client = await ClientAsync();
        var owned = await client.Containers.ListContainersAsync(
            ContainerRemoval.LabelledWith($"{ContainerOwner.PidLabel}={pid}"));
        return Assert.Single(owned).ID;
    }

    public static async Task RemoveAsync(string containerId)
    {
        using var client = await ClientAsync();
        try
        {
            await client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
            // already gone, which is what the caller wants
        }
    }

    private static async Task<DockerClient> ClientAsync()
    {
        var endpoint = await DockerEngine.FindAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("No Docker engine answers.");
        return DockerEngine.CreateClient(endpoint);
    }
}
