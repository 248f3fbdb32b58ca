using System.Globalization;

namespace DbGate.Core.Providers.Local;

/// <summary>
/// The processes of one cluster, found by their working directory (every PostgreSQL process runs in its data
/// directory). A backend whose postmaster was killed runs on until it next waits, which a long query may never
/// do: it keeps its client's connection open and its CPU busy, so teardown ends such orphans itself.
/// </summary>
internal static class ServerProcesses
{
    public static IReadOnlyList<int> In(string dataDirectory)
    {
        if (!OperatingSystem.IsLinux())
            return [];
        var found = new List<int>();
        foreach (var entry in SafeEnumerate())
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && WorkingDirectory(entry) is { } cwd
                && (cwd == dataDirectory || cwd == dataDirectory + " (deleted)"))
            {
                found.Add(pid);
            }
        }
        return found;
    }

    /// <summary>SIGKILL to every process still running in <paramref name="dataDirectory"/>; the cluster is thrown away anyway.</summary>
    public static void KillAll(string dataDirectory)
    {
        foreach (var pid in In(dataDirectory))
            _ = NativeMethods.kill(pid, NativeMethods.SigKill);
    }

    private static string[] SafeEnumerate()
    {
        try
        {
            return Directory.GetDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? WorkingDirectory(string procEntry)
    {
        try
        {
            return new FileInfo(Path.Combine(procEntry, "cwd")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // exited meanwhile, or another user's process
        }
    }
}
