using System.Diagnostics;

namespace DbGate.Tests.BadInput;

/// <summary>
/// Makes a mode-000 file unreadable for real. As root, permissions bind only a process without CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH, so the CLI runs under setpriv with both dropped from its bounding set: still root, reading
/// its own files by their modes, exactly as an unprivileged user would. Otherwise the modes bind as they are.
/// </summary>
internal static class DeniedReads
{
    public static IReadOnlyList<string>? Wrapper { get; } =
        Environment.UserName == "root" ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] : null;

    /// <summary>Gives the owner back what the case took, so the scratch folder can be deleted.</summary>
    public static void Restore(string folder)
    {
        using var chmod = Process.Start("chmod", ["-R", "u+rwX", folder]);
        chmod.WaitForExit();
    }
}
