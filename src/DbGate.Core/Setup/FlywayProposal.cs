using DbGate.Core.Migrations;

namespace DbGate.Core.Setup;

/// <summary>
/// Where init proposes a Flyway or Evolve project: its scripts are found from any folder above them (Flyway scans
/// its locations recursively), so the folder first recognised is often the repository root, which would leave a
/// flyway.conf further down unread. The proposal is the nearest folder at or above the scripts that holds a
/// flyway.conf or flyway.toml, else the deepest folder holding every script.
/// </summary>
internal static class FlywayProposal
{
    public static bool IsFamily(string format) => format is "flyway" or "evolve";

    public static string Folder(DirectoryInfo recognised)
    {
        var scripts = FlywayLayout.ScriptFolders(recognised).Select(d => d.FullName).ToList();
        if (scripts.Count == 0)
            return recognised.FullName;
        var deepest = scripts.Aggregate(CommonAncestor);
        if (!IsWithin(deepest, recognised.FullName))
            return recognised.FullName; // locations outside it (filesystem:../sql): the configuration's own folder reads them
        // Between the scripts and the folder recognised (a configuration above that is read from there anyway).
        for (var at = new DirectoryInfo(deepest); at is not null && IsWithin(at.FullName, recognised.FullName); at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "flyway.conf")) || File.Exists(Path.Combine(at.FullName, "flyway.toml")))
                return at.FullName;
        }
        return deepest;
    }

    /// <summary>The <c>${name}</c> references left in the scripts after every known value was replaced, once each.</summary>
    public static IReadOnlyList<string> UnsetPlaceholders(IEnumerable<Migration> migrations) =>
        migrations.SelectMany(m => new[] { m.Up.Text, m.Down?.Text }).OfType<string>().SelectMany(Placeholders.Unset)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string CommonAncestor(string a, string b)
    {
        while (!IsWithin(b, a))
            a = Path.GetDirectoryName(a)!;
        return a;
    }

    private static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
