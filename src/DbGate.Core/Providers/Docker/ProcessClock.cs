using System.Diagnostics;
namespace DbGate.Core.Providers.Docker;

/// <summary>Process identity over time: a pid alone can be reused by an unrelated process after its owner died.</summary>
internal static class ProcessClock
{
    // Both sides derive the start time from the same kernel counters, so only rounding can differ.
    private const long SameStartToleranceMs = 1_000;

    public static long StartedUnixMs(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();

    /// <summary>Whether the process that wrote <paramref name="owner"/>'s labels is still running on this host.</summary>
    public static bool IsAlive(ContainerOwner owner)
    {
        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            return !process.HasExited
                && Math.Abs(StartedUnixMs(process) - owner.ProcessStartedUnixMs) <= SameStartToleranceMs;
        }
        catch (ArgumentException)
        {
            return false; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return false; // exited while being inspected
        }
    }
}
