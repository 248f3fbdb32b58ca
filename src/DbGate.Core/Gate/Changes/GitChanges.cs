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
        var first = isChanged.IndexOf(true);
        if (first < 0)
            first = current.Count;
        var warnings = new List<string>();
        var lastKept = isChanged.LastIndexOf(false);
        for (var i = first; i < current.Count; i++)
        {
            if (!isChanged[i])
                continue;
            var migration = current[i];
            if (files[i].Any(blobs.ContainsKey))
                warnings.Add($"{migration.Id} was edited since {revision.Name}: a database that already ran it will not run it again; put the change in a new migration");
            else if (i < lastKept)
                warnings.Add($"{migration.Id} is new but sorts before {current[lastKept].Id}, which {revision.Name} already has: a database already at {current[lastKept].Id} may never run it");
        }
        var fingerprints = Enumerable.Range(0, first)
            .Select(i => MigrationFingerprint.FromBlobs(current[i], files[i].Select(f => (Path.GetFileName(f), blobs.GetValueOrDefault(f, "?")))))
            .ToList();
        return new ChangePlan(revision.Name, current.Take(first).ToList(), current.Skip(first).ToList(), warnings) { PrefixFingerprints = fingerprints };
    }

    private static string InRepository(string folderInRepository, string migrationsFolder, string file)
    {
        var relative = Path.GetRelativePath(migrationsFolder, file).Replace('\\', '/');
        return folderInRepository.Length == 0 ? relative : $"{folderInRepository}/{relative}";
    }

    private static string[] Entries(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
