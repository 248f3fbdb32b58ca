using System.Formats.Tar;
using DbGate.Core.Configuration;
using DbGate.Core.Migrations;

namespace DbGate.Core.Gate.Changes;

/// <summary>
/// Compares the migrations in the working tree with those of the base revision, both found by the same discovery
/// (so every format DbGate knows is compared the same way), and splits them into an unchanged prefix and the rest.
/// </summary>
internal static class ChangePlanner
{
    /// <summary>Everything for a full run; for <c>--changed</c>, the split against the base, its warnings told as they are found.</summary>
    public static async Task<ChangePlan> ForOptionsAsync(GateOptions options, IReadOnlyList<Migration> migrations, GateProgress progress, CancellationToken cancellationToken)
    {
        if (options.ChangedSince is null)
            return ChangePlan.Everything(migrations);
        progress.Stage?.Invoke("comparing with the base");
        var plan = await PlanAsync(migrations, options.MigrationsPath, options.Format, options.ChangedSince.Length == 0 ? null : options.ChangedSince, cancellationToken);
        foreach (var warning in plan.Warnings)
            progress.Warn?.Invoke(warning);
        progress.Log?.Invoke($"{plan.Checked.Count} of {migrations.Count} migrations new or changed since {plan.Base}; {plan.Prefix.Count} unchanged before them");
        return plan;
    }

    public static async Task<ChangePlan> PlanAsync(
        IReadOnlyList<Migration> current, string migrationsFolder, string format, string? requestedBase, CancellationToken cancellationToken)
    {
        var git = await Git.OpenAsync(migrationsFolder, cancellationToken);
        var revision = await BaseRevision.ResolveAsync(git, requestedBase, cancellationToken);
        var folderInRepository = (await git.ReadAsync(["-C", migrationsFolder, "rev-parse", "--show-prefix"], cancellationToken)).Trim().TrimEnd('/');
        if (await GitChanges.TryPlanAsync(git, revision, folderInRepository, current, migrationsFolder, cancellationToken) is { } fast)
            return fast;
        var scratch = Directory.CreateTempSubdirectory("dbgate-base-").FullName;
        try
        {
            var baseFolder = await ExtractAsync(git, revision.Commit, folderInRepository, scratch, cancellationToken);
            // The base's own version of a step the tool reruns may go into the prefix: its SQL is read before the scratch goes.
            var before = (baseFolder is null ? [] : DiscoverOrNone(baseFolder, scratch, format))
                .Select(m => m.Reruns == Rerun.Never ? m : m with { Up = m.Up with { Text = m.Up.Text ?? File.ReadAllText(m.Up.FullPath) } })
                .ToList();
            return Compare(revision.Name, Fingerprinted(before, baseFolder), Fingerprinted(current, migrationsFolder));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <remarks>
    /// Steps the tool runs again (Flyway repeatables, grate's any-time and every-time scripts) are not part of the order:
    /// when the base's ordered steps are all in the prefix, the base's versions of them are applied after it, as the
    /// database the change will meet has them, and only those the tool would run again (changed, new, every-time) are checked.
    /// </remarks>
    internal static ChangePlan Compare(string baseName, IReadOnlyList<(Migration Migration, string Hash)> before, IReadOnlyList<(Migration Migration, string Hash)> now)
    {
        var orderedBefore = before.Where(m => m.Migration.Reruns == Rerun.Never).ToList();
        var orderedNow = now.Where(m => m.Migration.Reruns == Rerun.Never).ToList();
        var common = 0;
        while (common < orderedBefore.Count && common < orderedNow.Count && orderedBefore[common].Hash == orderedNow[common].Hash)
            common++;
        var plan = Ordered(baseName, orderedBefore, orderedNow, common);
        if (orderedBefore.Count == before.Count && orderedNow.Count == now.Count)
            return plan; // nothing reruns
        var gone = before.Where(b => b.Migration.Reruns != Rerun.Never && !now.Any(n => n.Migration.Id == b.Migration.Id))
            .Select(b => $"{b.Migration.Id} is in {baseName} but no longer here: databases that ran it keep what it did");
        var checkedOrdered = orderedNow.Skip(common).Select(m => m.Migration).ToHashSet();
        // An ordered step of the base is not in the prefix: where the base's reruns stood is unknown, so all run after it.
        var applied = common == orderedBefore.Count ? before.Where(m => m.Migration.Reruns != Rerun.Never).ToList() : [];
        var hashes = applied.ToDictionary(m => m.Migration.Id, m => m.Hash, StringComparer.Ordinal);
        var rerun = now.Where(m => m.Migration.Reruns != Rerun.Never && (m.Migration.Reruns == Rerun.Always || hashes.GetValueOrDefault(m.Migration.Id) != m.Hash))
            .Select(m => m.Migration).ToHashSet();
        return plan with
        {
            Prefix = [.. plan.Prefix, .. applied.Select(m => m.Migration)],
            Checked = [.. now.Select(m => m.Migration).Where(m => checkedOrdered.Contains(m) || rerun.Contains(m))],
            Warnings = [.. plan.Warnings, .. gone],
            PrefixFingerprints = [.. plan.PrefixFingerprints, .. applied.Select(m => m.Hash)],
        };
    }

    private static ChangePlan Ordered(string baseName, List<(Migration Migration, string Hash)> before, List<(Migration Migration, string Hash)> now, int common)
    {
        var beforeById = before.ToDictionary(m => m.Migration.Id, m => m.Hash, StringComparer.Ordinal);
        var nowIds = now.Select(m => m.Migration.Id).ToHashSet(StringComparer.Ordinal);
        var lastBefore = before.Count > 0 ? before[^1].Migration : null;
        var lastBeforeIndex = lastBefore is null ? -1 : now.FindIndex(m => m.Migration.Id == lastBefore.Id);
        var warnings = new List<string>();
        for (var i = common; i < now.Count; i++)
        {
            var (migration, hash) = now[i];
            if (beforeById.TryGetValue(migration.Id, out var old) && old != hash)
                warnings.Add($"{migration.Id} was edited since {baseName}: a database that already ran it will not run it again; put the change in a new migration");
            else if (!beforeById.ContainsKey(migration.Id) && i < lastBeforeIndex)
                warnings.Add($"{migration.Id} is new but sorts before {lastBefore!.Id}, which {baseName} already has: a database already at {lastBefore.Id} may never run it");
        }
        foreach (var (migration, _) in before.Where(m => !nowIds.Contains(m.Migration.Id)))
            warnings.Add($"{migration.Id} is in {baseName} but no longer here: databases that ran it keep what it did");

        return new ChangePlan(baseName, now.Take(common).Select(m => m.Migration).ToList(), now.Skip(common).Select(m => m.Migration).ToList(), warnings)
        {
            PrefixFingerprints = now.Take(common).Select(m => m.Hash).ToList(),
        };
    }

    /// <summary>The base revision's migrations folder, extracted with git archive; null when the base has none.</summary>
    private static async Task<string?> ExtractAsync(Git git, string commit, string folder, string scratch, CancellationToken cancellationToken)
    {
        var pathspec = folder.Length == 0 ? "." : folder;
        var listing = await git.ReadAsync(["ls-tree", "--name-only", commit, "--", pathspec], cancellationToken);
        if (listing.Trim().Length == 0)
            return null;
        await git.StreamAsync(["archive", "--format=tar", commit, "--", pathspec], tar => TarFile.ExtractToDirectoryAsync(tar, scratch, overwriteFiles: true, cancellationToken), cancellationToken);
        return Path.Combine(scratch, folder);
    }

    private static IReadOnlyList<Migration> DiscoverOrNone(string folder, string root, string format)
    {
        try
        {
            return MigrationDiscovery.Discover(folder, root, format);
        }
        catch (Configuration.ConfigurationException)
        {
            return []; // the base had no migrations DbGate recognises: all of them are new
        }
    }

    private static List<(Migration, string)> Fingerprinted(IReadOnlyList<Migration> migrations, string? folder) =>
        migrations.Select(m => (m, MigrationFingerprint.Compute(m, folder!))).ToList();
}
