namespace DbGate.Core.Migrations;

/// <summary>
/// Prisma Migrate: <c>prisma/migrations/{timestamp}_{name}/migration.sql</c> in folder-name order, forward only. Prisma sends
/// a migration.sql as one query: PostgreSQL wraps several statements in an implicit transaction and runs one alone.
/// </summary>
internal sealed class PrismaFormat : IMigrationFormat
{
    public string Name => "prisma";

    public bool Recognises(DirectoryInfo folder) => Folder(folder) is not null;

    public MigrationSet Discover(DiscoveryContext context)
    {
        var folder = Folder(context.Folder) ?? context.Folder;
        var migrations = folder.EnumerateDirectories()
            .Where(d => File.Exists(Path.Combine(d.FullName, "migration.sql")))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new Migration(d.Name, d.Name.Split('_', 2)[0], context.Script(Path.Combine(d.FullName, "migration.sql")), null)
            {
                OneStatementRunsAlone = true,
                DownExpected = false,
                OutsideTransactionHint = "put the statement alone in a migration.sql of its own: Prisma then runs it outside a transaction",
            })
            .ToList();
        return new MigrationSet(Name, migrations, HistoryScope.Of("_prisma_migrations"), ForwardOnly: true);
    }

    /// <summary>The migrations folder itself, prisma/ above it, or the project root above that.</summary>
    private static DirectoryInfo? Folder(DirectoryInfo folder) =>
        new[] { folder.FullName, Path.Combine(folder.FullName, "migrations"), Path.Combine(folder.FullName, "prisma", "migrations") }
            .Select(p => new DirectoryInfo(p))
            .FirstOrDefault(d => d.Exists
                && (File.Exists(Path.Combine(d.FullName, "migration_lock.toml")) || d.Parent?.EnumerateFiles("schema.prisma").Any() == true)
                && d.EnumerateDirectories().Any(m => File.Exists(Path.Combine(m.FullName, "migration.sql"))));
}
