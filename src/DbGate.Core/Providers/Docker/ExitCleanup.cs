using System.Runtime.InteropServices;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// Runs a clean-up when the process ends without disposing: a normal exit that skipped it (ProcessExit), or a
/// termination signal. .NET raises no ProcessExit for SIGTERM, SIGINT or SIGHUP by default, so those are caught
/// here; the signal still ends the process afterwards. Only SIGKILL escapes, and the next run's reaper handles it.
/// </summary>
internal sealed class ExitCleanup : IDisposable
{
    private static readonly PosixSignal[] TerminationSignals = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP];

    private readonly Action cleanUp;
    private readonly List<PosixSignalRegistration> registrations = [];

    public ExitCleanup(Action cleanUp)
    {
        this.cleanUp = cleanUp;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        if (!OperatingSystem.IsWindows() && !HostSignals.CancelGracefully)
        {
            foreach (var signal in TerminationSignals)
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
        registrations.Clear();
    }

    private void OnProcessExit(object? sender, EventArgs e) => cleanUp();

    // Not cancelled: whoever else handles the signal decides whether the process goes on.
    private void OnSignal(PosixSignalContext context) => cleanUp();
}
