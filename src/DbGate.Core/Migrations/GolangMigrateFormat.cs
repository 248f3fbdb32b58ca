using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>golang-migrate: <c>{version}_{title}.up.sql</c> and <c>{version}_{title}.down.sql</c> side by side.</summary>
internal sealed partial class GolangMigrateFormat : IMigrationFormat
{
    public string Name => "golang-migrate";

    public bool Recognises(DirectoryInfo folder) => folder.EnumerateFiles("*.up.sql").Any(f => FileName().IsMatch(f.Name));

    public MigrationSet Discover(DiscoveryContext context) =>
        new(Name, Discover(context.Folder, context.ProjectRoot), HistoryScope.Of("schema_migrations"));

    private static List<Migration> Discover(DirectoryInfo folder, string projectRoot)
    {
        var scripts = folder.EnumerateFiles("*.sql")
            .Select(f => (File: f, Match: FileName().Match(f.Name)))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups["version"].Value, VersionComparer.Instance);

        var migrations = new List<Migration>();
        foreach (var group in scripts)
        {
            var ups = group.Where(x => x.Match.Groups["direction"].Value == "up").ToList();
            var downs = group.Where(x => x.Match.Groups["direction"].Value == "down").ToList();
            if (ups.Count > 1 || downs.Count > 1)
                throw new ConfigurationException($"version {Normalised(group.Key)} is used by more than one migration: {string.Join(", ", group.Select(x => x.File.Name).Order(StringComparer.Ordinal))}");
            if (ups.Count == 0)
                throw new ConfigurationException($"{downs[0].File.Name} has no matching .up.sql");
            var up = ups[0];
            if (downs.Count == 1 && Title(downs[0].Match) != Title(up.Match))
                throw new ConfigurationException($"{up.File.Name} and {downs[0].File.Name} share version {Normalised(group.Key)} but not a name, so it is unclear which migration the down undoes: rename one to match");
            migrations.Add(new Migration(
                Path.GetFileName(up.File.Name)[..^".up.sql".Length],
                group.Key,
                ProjectPaths.Script(projectRoot, up.File.FullName),
                downs.Count == 1 ? ProjectPaths.Script(projectRoot, downs[0].File.FullName) : null)
            {
                OneStatementRunsAlone = true,
                OutsideTransactionHint = "put the statement in a file of its own: golang-migrate sends a file of one statement outside a transaction",
            });
        }
        return migrations.OrderBy(m => m.Version, VersionOrder.Instance).ToList();
    }

    private static string Title(Match match) => match.Groups["title"].Value;

    private static string Normalised(string version) => version.TrimStart('0') is { Length: > 0 } digits ? digits : "0";

    /// <summary>golang-migrate parses versions as integers, so 001 and 1 are the same version.</summary>
    private sealed class VersionComparer : IEqualityComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public bool Equals(string? x, string? y) => VersionOrder.Instance.Compare(x, y) == 0;

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj.TrimStart('0'));
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<title>.*)\.(?<direction>up|down)\.sql$")]
    private static partial Regex FileName();
}
