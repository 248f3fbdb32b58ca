using DbGate.Core.Provenance;

namespace DbGate.Core.Providers.Local;

/// <summary>
/// Stopped clusters in which a migration prefix is already applied, one per key (the prefix's content hash, the
/// format, the server and DbGate's version). An entry appears by an atomic rename of a finished copy and never
/// changes afterwards, so concurrent runs can copy it while another run adds or replaces entries; a key that
/// changes simply misses, and old entries are pruned once no run can still be copying them.
/// </summary>
internal static class PrefixClusterCache
{
    private const int Kept = 4;
    private static readonly TimeSpan InUseWindow = TimeSpan.FromMinutes(10);

    /// <param name="Data">A stopped cluster's data directory, to copy and start.</param>
    /// <param name="Database">The database in it that holds the prefix.</param>
    /// <param name="Provenance">Where the prefix's objects came from, recorded as it was applied; null when the entry has none.</param>
    public sealed record Entry(string Data, string Database, SchemaProvenance? Provenance);

    private static string Folder(UnixUser? runAs) => Path.Combine(CacheRoot.Path(runAs), "prefixes");

    public static Entry? Find(string key, UnixUser? runAs)
    {
        var entry = Path.Combine(Folder(runAs), key);
        var database = Path.Combine(entry, "database");
        if (!File.Exists(database))
            return null;
        try
        {
            File.SetLastWriteTimeUtc(database, DateTime.UtcNow); // last use, for pruning
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read-only cache still serves
        }
        var name = File.ReadAllText(database).Trim();
        // The name goes into CREATE DATABASE … TEMPLATE: only DbGate's own names are accepted.
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            return null;
        var provenance = Path.Combine(entry, ProvenanceFile.Name);
        return new Entry(Path.Combine(entry, "data"), name, File.Exists(provenance) ? ProvenanceFile.Read(File.ReadAllText(provenance)) : null);
    }

    /// <summary>Publishes a cluster built by <paramref name="save"/> (which writes a data directory at the path it is given).</summary>
    /// <param name="provenance">The prefix's provenance as <see cref="ProvenanceFile"/> writes it, kept in
    /// the same entry (so under the same key) as the cluster.</param>
    public static async Task<Entry?> StoreAsync(string key, string databaseName, UnixUser? runAs, string? provenance, Func<string, Task> save)
    {
        var folder = Folder(runAs);
        var entry = Path.Combine(folder, key);
        var staging = Path.Combine(folder, $".staging-{key}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            await save(Path.Combine(staging, "data"));
            if (provenance is not null)
                await File.WriteAllTextAsync(Path.Combine(staging, ProvenanceFile.Name), provenance);
            // Written last: an entry is found by this file.
            await File.WriteAllTextAsync(Path.Combine(staging, "database"), databaseName);
            Directory.Move(staging, entry);
        }
        catch (IOException) when (Find(key, runAs) is not null)
        {
            // another run published the same key first: theirs is as good as ours
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a cache that cannot be written costs speed, not correctness
        }
        finally
        {
            if (Directory.Exists(staging))
                LocalPostgresServer.DeleteQuietly(staging);
        }
        Prune(folder);
        return Find(key, runAs);
    }

    private static void Prune(string folder)
    {
        try
        {
            var entries = new DirectoryInfo(folder).EnumerateDirectories()
                .Where(d => !d.Name.StartsWith('.'))
                .Select(d => (Directory: d, Used: File.GetLastWriteTimeUtc(Path.Combine(d.FullName, "database"))))
                .OrderByDescending(e => e.Used)
                .ToList();
            foreach (var (directory, _) in entries.Skip(Kept).Where(e => DateTime.UtcNow - e.Used > InUseWindow))
            {
                // Renamed first, so no run can find it half deleted.
                var doomed = Path.Combine(folder, $".deleting-{Guid.NewGuid():N}");
                directory.MoveTo(doomed);
                LocalPostgresServer.DeleteQuietly(doomed);
            }
            // What runs killed mid-build or mid-prune left behind.
            foreach (var leftover in new DirectoryInfo(folder).EnumerateDirectories(".*").Where(d => DateTime.UtcNow - d.LastWriteTimeUtc > TimeSpan.FromHours(1)))
                LocalPostgresServer.DeleteQuietly(leftover.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // pruning is housekeeping; the next run tries again
        }
    }
}
