using System.Globalization;

namespace DbGate.Tests.CrossCheck;

/// <summary>
/// Where psql and pg_dump are: DBGATE_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else PATH. The
/// versioned directory comes before PATH because Debian's /usr/bin/psql is a Perl wrapper that costs more to
/// start than psql itself, and the check starts some two thousand of them.
/// </summary>
internal static class ClientPrograms
{
    public static string Directory { get; } = Find();

    public static string Path(string program) => Directory.Length == 0 ? program : System.IO.Path.Combine(Directory, program);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("DBGATE_PG_BINDIR") is { Length: > 0 } configured)
            return configured;
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
            return "";
        return System.IO.Directory.GetDirectories(root)
            .Select(d => System.IO.Path.Combine(d, "bin"))
            .Where(d => File.Exists(System.IO.Path.Combine(d, "pg_dump")) && File.Exists(System.IO.Path.Combine(d, "psql")))
            .OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
            .FirstOrDefault() ?? "";
    }
}
