using System.Security.Cryptography;
using System.Text;
using DbGate.Core.Migrations;

namespace DbGate.Core.Gate.Changes;

/// <summary>
/// What a migration is, as a hash: its id, how the tool runs it, and the content of its files (its own folder's
/// other files too, such as diesel's metadata.toml). Paths outside the migration do not count, so the same
/// migration hashes the same in a checkout and in an extracted base revision.
/// </summary>
internal static class MigrationFingerprint
{
    public static string Compute(Migration migration, string migrationsFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, $"{migration.Id}\n{migration.Version}\n{migration.RunInTransaction}\n{migration.OneStatementRunsAlone}\n");
        foreach (var file in Files(migration, migrationsFolder))
        {
            Add(hash, $"\n{Path.GetFileName(file)}\n");
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The files that make up a migration, by full path, in a stable order: its scripts, and the files beside its up
    /// that belong to it. A folder named by the migration (diesel's, Prisma's) is the migration's own, metadata.toml and
    /// all; in a folder it shares with others (Flyway's sql/, sqitch's deploy/) only files named after its up
    /// (V1__a.sql.conf) are its, so adding a script there changes no other migration.
    /// </summary>
    internal static SortedSet<string> Files(Migration migration, string migrationsFolder)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { migration.Up.FullPath };
        foreach (var script in new[] { migration.Down, migration.Verify }.OfType<MigrationScript>())
            files.Add(script.FullPath);
        var folder = Path.GetDirectoryName(migration.Up.FullPath)!;
        var own = !SamePath(folder, migrationsFolder) && Path.GetFileName(folder) == migration.Id;
        var up = Path.GetFileName(migration.Up.FullPath);
        files.UnionWith(Directory.EnumerateFiles(folder).Where(f => own || Path.GetFileName(f).StartsWith(up, StringComparison.Ordinal)));
        return files;
    }

    /// <summary>The same from git's blob ids, for files git already knows to be unchanged: nothing is read.</summary>
    public static string FromBlobs(Migration migration, IEnumerable<(string Name, string Blob)> files)
    {
        var text = new StringBuilder($"{migration.Id}\n{migration.Version}\n{migration.RunInTransaction}\n{migration.OneStatementRunsAlone}\n");
        foreach (var (name, blob) in files)
            text.Append('\n').Append(name).Append('\n').Append(blob);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
