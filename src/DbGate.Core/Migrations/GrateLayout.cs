namespace DbGate.Core.Migrations;

/// <summary>
/// grate's (and RoundhousE's) folder kinds in the order one run processes them; each folder's scripts by path. The
/// database folders (createDatabase, dropDatabase) are left out: DbGate makes its own database.
/// </summary>
internal static class GrateLayout
{
    /// <summary>(folder, how often grate runs its scripts: once, any time = when changed, every time), in run order.</summary>
    public static readonly (string Folder, Rerun Kind)[] Folders =
    [
        ("beforeMigration", Rerun.Always), ("alterDatabase", Rerun.WhenChanged), ("runAfterCreateDatabase", Rerun.WhenChanged), ("runBeforeUp", Rerun.WhenChanged),
        ("up", Rerun.Never), ("runFirstAfterUp", Rerun.WhenChanged), ("functions", Rerun.WhenChanged), ("views", Rerun.WhenChanged), ("sprocs", Rerun.WhenChanged),
        ("triggers", Rerun.WhenChanged), ("indexes", Rerun.WhenChanged), ("runAfterOtherAnyTimeScripts", Rerun.WhenChanged), ("permissions", Rerun.Always),
        ("afterMigration", Rerun.Always),
    ];

    public static bool Recognises(DirectoryInfo folder) =>
        Directory.Exists(Path.Combine(folder.FullName, "up"))
        && Directory.EnumerateFiles(Path.Combine(folder.FullName, "up"), "*.sql", SourceText.Recursive).Any();

    /// <summary>
    /// Every script once, as one run of grate on an empty database does it. grate sends a script as one command, so
    /// PostgreSQL runs one of several statements as one implicit transaction.
    /// </summary>
    public static MigrationSet Discover(DiscoveryContext context, string format, HistoryScope history)
    {
        var migrations = new List<Migration>();
        foreach (var (folder, kind) in Folders)
        {
            var directory = Path.Combine(context.Folder.FullName, folder);
            if (!Directory.Exists(directory))
                continue;
            foreach (var file in Directory.EnumerateFiles(directory, "*.sql", SearchOption.AllDirectories).Order(StringComparer.OrdinalIgnoreCase))
            {
                var id = ProjectPaths.Relative(context.Folder.FullName, file);
                migrations.Add(new Migration(id, Migration.PositionVersion(migrations.Count), context.Script(file), null)
                {
                    OneStatementRunsAlone = true,
                    DownExpected = false,
                    Reruns = kind,
                    OutsideTransactionHint = $"{format} sends a script as one command: put the statement in a script of its own",
                });
            }
        }
        return new MigrationSet(format, migrations, history, ForwardOnly: true);
    }
}
