namespace DbGate.Core.Migrations;

/// <summary>
/// Any other tool: the folder's .sql files, each named by its number, in name order (numbers compared as numbers, so 9_x before 10_x), each run
/// as psql -f runs it, statement by statement, its own BEGIN … COMMIT being its transaction; forward only.
/// </summary>
internal sealed class PlainFolderFormat : IMigrationFormat
{
    public string Name => "plain";

    /// <summary>Ordered files: every .sql name starts with its number. A lone up.sql is a broken project, not an order.</summary>
    public bool Recognises(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.sql").ToList() is { Count: > 0 } files && files.All(f => char.IsAsciiDigit(f.Name[0]));

    public MigrationSet Discover(DiscoveryContext context)
    {
        var migrations = context.Folder.EnumerateFiles("*.sql")
            .OrderBy(f => f.Name, NaturalOrder.Instance)
            .Select((f, index) => new Migration(Path.GetFileNameWithoutExtension(f.Name), Migration.PositionVersion(index), context.Script(f.FullName), null, RunInTransaction: false)
            {
                DownExpected = false,
                OutsideTransactionHint = "end the script's own transaction (COMMIT) before the statement",
            })
            .ToList();
        return new MigrationSet(Name, migrations, HistoryScope.None, ForwardOnly: true);
    }
}
