using System.Globalization;

namespace DbGate.Core.Providers.Local;

/// <summary>
/// Cleans up after runs that were killed outright (SIGKILL, power loss): their postmaster and directory
/// outlive them. Every run records its process id, so a directory whose owner is gone is safe to remove.
/// </summary>
internal static class StaleRunReaper
{
    public static void Reap()
    {
        foreach (var directory in SafeEnumerate(Path.GetTempPath()))
        {
            var owner = ReadPid(Path.Combine(directory, LocalPostgresServer.OwnerFile));
            if (owner is null || IsAlive(owner.Value))
                continue;
            if (ReadPid(Path.Combine(directory, "data", "postmaster.pid")) is { } postmaster && IsAlive(postmaster))
            {
                _ = NativeMethods.kill(postmaster, NativeMethods.SigQuit);
                for (var i = 0; i < 50 && IsAlive(postmaster); i++)
                    Thread.Sleep(20);
            }
            ServerProcesses.KillAll(Path.Combine(directory, "data"));
            LocalPostgresServer.DeleteQuietly(directory);
        }
    }

    private static string[] SafeEnumerate(string temp)
    {
        try
        {
            return Directory.GetDirectories(temp, "dbgate-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static int? ReadPid(string file)
    {
        try
        {
            var first = File.ReadLines(file).FirstOrDefault();
            return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") || NativeMethods.kill(pid, 0) == 0;
}
