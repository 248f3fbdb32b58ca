using DbGate.Core.Providers.Docker;

namespace DbGate.Tests.Providers.Docker;

public sealed class ContainerOwnerTests
{
    [Fact]
    public void Labels_read_back_as_the_same_owner()
    {
        var owner = ContainerOwner.ForCurrentProcess(TimeProvider.System);

        Assert.Equal(owner, ContainerOwner.FromLabels(new Dictionary<string, string>(owner.ToLabels())));
    }

    [Fact]
    public void Current_process_is_alive_and_a_reused_pid_is_not()
    {
        var self = ContainerOwner.ForCurrentProcess(TimeProvider.System);

        Assert.True(ProcessClock.IsAlive(self));
        Assert.False(ProcessClock.IsAlive(self with { ProcessStartedUnixMs = self.ProcessStartedUnixMs - 60_000 }));
    }

    [Theory]
    [InlineData(ContainerOwner.PidLabel, "not-a-pid")]
    [InlineData(ContainerOwner.PidLabel, "0")]
    [InlineData(ContainerOwner.RunLabel, "not-a-guid")]
    [InlineData(ContainerOwner.HostLabel, null)]
    public void Malformed_labels_name_no_owner_so_the_container_is_never_reaped(string label, string? value)
    {
        var labels = new Dictionary<string, string>(ContainerOwner.ForCurrentProcess(TimeProvider.System).ToLabels());
        if (value is null)
        {
            labels.Remove(label);
        }
        else
        {
            labels[label] = value;
        }

        Assert.Null(ContainerOwner.FromLabels(labels));
    }
}
