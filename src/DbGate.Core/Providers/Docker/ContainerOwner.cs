using System.Diagnostics;
using System.Globalization;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// The DbGate process a container belongs to, written into the container's labels. Without Ryuk nothing else
/// removes a container whose owner was killed, so a later run uses these labels to find and reap it.
/// </summary>
internal sealed record ContainerOwner(Guid RunId, string Host, int ProcessId, long ProcessStartedUnixMs, long ContainerStartedUnixSeconds)
{
    public const string RunLabel = "dev.dbgate.run";
    public const string HostLabel = "dev.dbgate.host";
    public const string PidLabel = "dev.dbgate.pid";
    public const string PidStartedLabel = "dev.dbgate.pid-started";
    public const string StartedLabel = "dev.dbgate.started";

    public static ContainerOwner ForCurrentProcess(TimeProvider clock)
    {
        using var self = Process.GetCurrentProcess();
        return new ContainerOwner(
            Guid.NewGuid(),
            Environment.MachineName,
            Environment.ProcessId,
            ProcessClock.StartedUnixMs(self),
            clock.GetUtcNow().ToUnixTimeSeconds());
    }

    public IReadOnlyDictionary<string, string> ToLabels() => new Dictionary<string, string>
    {
        [RunLabel] = RunId.ToString("D"),
        [HostLabel] = Host,
        [PidLabel] = ProcessId.ToString(CultureInfo.InvariantCulture),
        [PidStartedLabel] = ProcessStartedUnixMs.ToString(CultureInfo.InvariantCulture),
        [StartedLabel] = ContainerStartedUnixSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Null when a label is missing or malformed: such a container is not provably ours to remove.</summary>
    public static ContainerOwner? FromLabels(IDictionary<string, string>? labels)
    {
        if (labels is null
            || !labels.TryGetValue(RunLabel, out var run) || !Guid.TryParse(run, out var runId)
            || !labels.TryGetValue(HostLabel, out var host)
            || !TryGetLong(labels, PidLabel, out var pid) || pid is <= 0 or > int.MaxValue
            || !TryGetLong(labels, PidStartedLabel, out var pidStarted)
            || !TryGetLong(labels, StartedLabel, out var started))
        {
            return null;
        }
        return new ContainerOwner(runId, host, (int)pid, pidStarted, started);
    }

    private static bool TryGetLong(IDictionary<string, string> labels, string name, out long value)
    {
        value = 0;
        return labels.TryGetValue(name, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
