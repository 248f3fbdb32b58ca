using System.Globalization;

namespace DbGate.Tests.Faults;

/// <summary>What a run may leave on the machine: server directories, and processes still working in them.</summary>
internal static class LeftOvers
{
    /// <summary>DbGate's server directories under <paramref name="tempDirectory"/>.</summary>
    public static string[] ServerDirectories(string tempDirectory) => Directory.GetDirectories(tempDirectory, "dbgate-*");

    /// <summary>Processes whose working directory is under <paramref name="directory"/>: every PostgreSQL process works in its data directory.</summary>
    public static List<string> ProcessesIn(string directory)
    {
        var found = new List<string>();
        foreach (var entry in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                continue;
            try
            {
                if (new FileInfo(Path.Combine(entry, "cwd")).LinkTarget is { } cwd && cwd.StartsWith(directory + "/", StringComparison.Ordinal))
                    found.Add($"{Path.GetFileName(entry)} {File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ').Trim()}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // exited while we looked
            }
        }
        return found;
    }

    /// <summary>The postmaster a DbGate process started: its direct child running postgres.</summary>
    public static int? PostmasterOf(int dbgatePid)
    {
        foreach (var task in Directory.GetDirectories($"/proc/{dbgatePid}/task"))
        {
            foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var commandLine = File.ReadAllText($"/proc/{child}/cmdline");
                if (commandLine.Contains("postgres\0-D\0", StringComparison.Ordinal))
                    return int.Parse(child, CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
