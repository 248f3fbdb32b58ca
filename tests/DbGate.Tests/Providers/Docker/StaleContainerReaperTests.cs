using System.Diagnostics;
using DbGate.Core.Providers.Docker;

namespace DbGate.Tests.Providers.Docker;

public sealed class StaleContainerReaperTests
{
    private static readonly DockerPostgresProvider Provider = new(DockerTestEnvironment.Image);

    [DockerFact]
    public async Task Container_whose_owner_process_died_is_reaped_at_the_next_start()
    {
        var planted = await DockerTestContainers.PlantAsync(await DeadOwnerAsync());
        try
        {
            await using var server = await Provider.StartAsync(CancellationToken.None);

            Assert.False(await DockerTestContainers.ExistsAsync(planted));
        }
        finally
        {
            await DockerTestContainers.RemoveAsync(planted);
        }
    }

    [DockerFact]
    public async Task Container_whose_owner_pid_was_reused_by_another_process_is_reaped()
    {
        // Our own pid, but a start time an hour earlier: the pid's first owner is gone.
        var self = ContainerOwner.ForCurrentProcess(TimeProvider.System);
        var planted = await DockerTestContainers.PlantAsync(self with { ProcessStartedUnixMs = self.ProcessStartedUnixMs - 3_600_000 });
        try
        {
            await using var server = await Provider.StartAsync(CancellationToken.None);

            Assert.False(await DockerTestContainers.ExistsAsync(planted));
        }
        finally
        {
            await DockerTestContainers.RemoveAsync(planted);
        }
    }

    [DockerFact]
    public async Task Containers_of_live_runs_and_of_other_hosts_are_left_alone()
    {
        var live = await DockerTestContainers.PlantAsync(ContainerOwner.ForCurrentProcess(TimeProvider.System));
        var otherHost = await DockerTestContainers.PlantAsync((await DeadOwnerAsync()) with { Host = "another-host" });
        try
        {
            await using var server = await Provider.StartAsync(CancellationToken.None);

            Assert.True(await DockerTestContainers.ExistsAsync(live));
            Assert.True(await DockerTestContainers.ExistsAsync(otherHost));
        }
        finally
        {
            await DockerTestContainers.RemoveAsync(live);
            await DockerTestContainers.RemoveAsync(otherHost);
        }
    }

    /// <summary>The labels a process would have written before it was killed.</summary>
    private static async Task<ContainerOwner> DeadOwnerAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        var owner = ContainerOwner.ForCurrentProcess(TimeProvider.System) with
        {
            ProcessId = process.Id,
            ProcessStartedUnixMs = ProcessClock.StartedUnixMs(process),
        };
        process.Kill();
        await process.WaitForExitAsync();
        return owner;
    }
}
