using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

/// <summary>Applies the up.sql files of a diesel migrations folder in version order, as diesel would.</summary>
internal static class CorpusMigrations
{
    public static string CratesIoDirectory =>
        Environment.GetEnvironmentVariable("DBGATE_CRATES_IO_MIGRATIONS") ?? "/work/shared/corpora/crates-io/migrations";

    public static async Task<int> ApplyAllUpAsync(TestDatabase database, string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The crates.io migrations are not at {directory}; set DBGATE_CRATES_IO_MIGRATIONS.");
        }
        var steps = Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "up.sql")))
            .OrderBy(d => Version(Path.GetFileName(d)), StringComparer.Ordinal)
            .ToList();
        foreach (var step in steps)
        {
            // One command per file: diesel's own transaction for the ordinary ones; the non-transactional ones
            // are each a single CREATE/DROP INDEX CONCURRENTLY, which Npgsql runs outside any transaction block.
            var sql = await File.ReadAllTextAsync(Path.Combine(step, "up.sql"));
            await database.ExecuteAsync(sql);
        }
        return steps.Count;
    }

    // diesel orders by the part before the first '_', digits only.
    private static string Version(string folder) => folder.Split('_')[0].Replace("-", "", StringComparison.Ordinal);
}
