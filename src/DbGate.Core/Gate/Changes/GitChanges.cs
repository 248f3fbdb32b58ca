using DbGate.Core.Migrations;

namespace DbGate.Core.Gate.Changes;

/// <summary>
/// The fast way to split the migrations: git says which files under the folder differ from the base (committed,
/// staged, unstaged or untracked) and which blob each unchanged file is, so nothing is extracted or re-read.
/// It cannot place a migration the base has and the working tree lost; for that it returns null.
/// </summary>
internal static class GitChanges
{
    public static async Task<ChangePlan?> TryPlanAsync(
        Git git, BaseRevision revision, string folderInRepository, IReadOnlyList<Migration> current, string migrationsFolder, CancellationToken cancellationToken)
    {
        var pathspec = folderInRepository.Length == 0 ? "." : folderInRepository;
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Entries(await git.ReadAsync(["ls-tree", "-r", "-z", revision.Commit, "--", pathspec], cancellationToken)))
        {
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            blobs[entry[(tab + 1)..]] = entry[..tab].Split(' ')[2];
        }
        var changed = Entries(await git.ReadAsync(["diff", "--name-only", "--no-renames", "-z", revision.Commit, "--", pathspec], cancellationToken))
            .Concat(Entries(await git.ReadAsync(["ls-files", "--others", "--exclude-standard", "-z", "--", pathspec], cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);

        var files = current.Select(m => MigrationFingerprint.Files(m, migrationsFolder).Select(f => InRepository(folderInRepository, migrationsFolder, f)).ToList()).ToList();
        var known = files.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        if (changed.Any(path => blobs.ContainsKey(path) && !known.Contains(path)))
            return null; // a file of the base is gone: where its migration stood is for the full comparison to say

        var isChanged = files.Select(f => f.Any(changed.Contains)).ToList();
        var inBase = files.Select(f => f.Any(blobs.ContainsKey)).ToList();
        // A step the tool reruns that was edited: the base's version of it is needed, which only the full comparison reads.
        if (Enumerable.Range(0, current.Count).Any(i => current[i].Reruns != Rerun.Never && isChanged[i] && inBase[i]))
            return null;
        // Both sides as the comparison reads them: the base is the current migrations it has (none is gone), each
        // unchanged one by its blobs on both sides, an edited one by a hash that differs.
        var now = new List<(Migration, string)>();
        var before = new List<(Migration, string)>();
        for (var i = 0; i < current.Count; i++)
        {
            var hash = isChanged[i] ? $"edited:{current[i].Id}" : MigrationFingerprint.FromBlobs(current[i], files[i].Select(f => (Path.GetFileName(f), blobs.GetValueOrDefault(f, "?"))));
            now.Add((current[i], hash));
            if (inBase[i])
                before.Add((current[i], isChanged[i] ? $"base:{current[i].Id}" : hash));
        }
        return ChangePlanner.Compare(revision.Name, before, now);
    }

    private static string InRepository(string folderInRepository, string migrationsFolder, string file)
    {
        var relative = Path.GetRelativePath(migrationsFolder, file).Replace('\\', '/');
        return folderInRepository.Length == 0 ? relative : $"{folderInRepository}/{relative}";
    }

    private static string[] Entries(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
