namespace DbGate.Core.Providers;

/// <summary>
/// Whether the host turns Ctrl-C and SIGTERM into cancellation and disposes its servers on the way out, as the
/// CLI does. Providers then leave signals alone; otherwise they clean up in the signal itself, since nothing
/// else would.
/// </summary>
public static class HostSignals
{
    public static bool CancelGracefully { get; set; }
}
