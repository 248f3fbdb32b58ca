using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>
/// dbmate: <c>{version}_{name}.sql</c> (default folder db/migrations) holding a <c>-- migrate:up</c> section and usually a
/// <c>-- migrate:down</c> one. Each section runs in a transaction unless its marker says <c>transaction:false</c>; then
/// dbmate sends it as one query, which PostgreSQL still wraps in an implicit transaction when it has several statements.
/// </summary>
internal sealed partial class DbmateFormat : IMigrationFormat
{
    private const string Hint = "put the statement in a migration of its own whose section says -- migrate:up transaction:false";

    public string Name => "dbmate";

    // Folder finds only a folder holding dbmate scripts, so it is the whole test.
    public bool Recognises(DirectoryInfo folder) => Folder(folder) is not null;

    public MigrationSet Discover(DiscoveryContext context)
    {
        var folder = Folder(context.Folder) ?? context.Folder;
        var migrations = Scripts(folder).Select(file => Read(context, file)).ToList();
        UniqueVersions.Check(migrations);
        return new MigrationSet(Name, [.. migrations.OrderBy(m => m.Version, VersionOrder.Instance)], HistoryScope.Of("schema_migrations"));
    }

    private static DirectoryInfo? Folder(DirectoryInfo folder) =>
        new[] { folder, new DirectoryInfo(Path.Combine(folder.FullName, "db", "migrations")) }.FirstOrDefault(d => d.Exists && Scripts(d).Any());

    private static IEnumerable<FileInfo> Scripts(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.sql").Where(f => FileName().IsMatch(f.Name) && SourceText.LinesForDetection(f.FullName).Any(l => Marker().Match(l) is { Success: true } m && m.Groups["direction"].Value == "up"));

    private static Migration Read(DiscoveryContext context, FileInfo file)
    {
        var text = SourceText.Read(context, file.FullName);
        var lines = SourceText.Lines(text);
        var markers = lines.Select((line, index) => (Index: index, Match: Marker().Match(text.Substring(line.Start, line.Length)))).Where(x => x.Match.Success).ToList();
        if (markers.Count(m => m.Match.Groups["direction"].Value == "up") > 1 || markers.Count(m => m.Match.Groups["direction"].Value == "down") > 1)
            throw new ConfigurationException($"{context.Relative(file.FullName)} has more than one -- migrate:up or -- migrate:down section");

        MigrationScript? Section(string direction)
        {
            var at = markers.FindIndex(m => m.Match.Groups["direction"].Value == direction);
            if (at < 0)
                return null;
            var last = at + 1 < markers.Count ? markers[at + 1].Index - 1 : lines.Count - 1;
            var outside = markers[at].Match.Groups["options"].Value.Contains("transaction:false", StringComparison.Ordinal);
            return context.Script(file.FullName) with
            {
                Text = SourceText.KeepLines(text, lines, markers[at].Index + 1, last),
                Transaction = outside ? (true, true) : (true, false),
            };
        }

        var up = Section("up")!;
        var stem = Path.GetFileNameWithoutExtension(file.Name);
        return new Migration(stem, FileName().Match(file.Name).Groups["version"].Value, up, Section("down"), up.Transaction!.Value.RunInTransaction)
        {
            OneStatementRunsAlone = up.Transaction!.Value.OneStatementRunsAlone,
            OutsideTransactionHint = Hint,
        };
    }

    [GeneratedRegex(@"^(?<version>\d+)_.*\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^--\s*migrate:(?<direction>up|down)\b(?<options>.*)$")]
    private static partial Regex Marker();
}
