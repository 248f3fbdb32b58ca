using Docker.DotNet;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// Removes DbGate containers whose owning process on this host is gone (killed, crashed, out of memory):
/// with Ryuk disabled nothing else would. Containers of live runs and of other hosts are left alone.
/// </summary>
internal static class StaleContainerReaper
{
    /// <summary>Returns the ids of the containers it removed.</summary>
    public static async Task<IReadOnlyList<string>> ReapAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        var labelled = await client.Containers.ListContainersAsync(
            ContainerRemoval.LabelledWith(ContainerOwner.RunLabel), cancellationToken).ConfigureAwait(false);

        var removed = new List<string>();
        foreach (var container in labelled)
        {
            if (IsStale(ContainerOwner.FromLabels(container.Labels))
                && await ContainerRemoval.TryRemoveAsync(client, container.ID, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(container.ID);
            }
        }
        return removed;
    }

    private static bool IsStale(ContainerOwner? owner) =>
        owner is not null
        && string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal)
        && !ProcessClock.IsAlive(owner);
}
