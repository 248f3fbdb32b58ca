using DbGate.Core.Providers.Docker;

namespace DbGate.Tests.Providers.Docker;

/// <summary>What happens to a container when the DbGate process that started it does not get to dispose it.</summary>
public sealed class KilledOwnerTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [DockerFact]
    public async Task Container_left_by_a_process_killed_with_SIGKILL_is_removed_by_the_next_start()
    {
        using var owner = await OwnerProcess.StartAsync(DockerTestEnvironment.Image);
        var containerId = await DockerTestContainers.OwnedByAsync(owner.Pid);

        await owner.SignalAsync("KILL");
        await owner.WaitForExitAsync(ExitTimeout);
        Assert.True(await DockerTestContainers.ExistsAsync(containerId), "SIGKILL leaves the container behind");

        await using var next = await new DockerPostgresProvider(DockerTestEnvironment.Image)
            .StartAsync(CancellationToken.None);
        Assert.False(await DockerTestContainers.ExistsAsync(containerId));
    }

    [DockerFact]
    public Task Container_of_a_process_stopped_with_SIGTERM_is_removed_on_its_way_out() => AssertRemovedOnSignalAsync("TERM");

    [DockerFact]
    public Task Container_of_a_process_interrupted_with_SIGINT_is_removed_on_its_way_out() => AssertRemovedOnSignalAsync("INT");

    private static async Task AssertRemovedOnSignalAsync(string signal)
    {
        using var owner = await OwnerProcess.StartAsync(DockerTestEnvironment.Image);
        var containerId = await DockerTestContainers.OwnedByAsync(owner.Pid);

        await owner.SignalAsync(signal);
        await owner.WaitForExitAsync(ExitTimeout);

        Assert.False(await DockerTestContainers.ExistsAsync(containerId));
    }
}
