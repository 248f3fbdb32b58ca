using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>
/// diesel: one folder per migration, <c>{version}_{name}/up.sql</c> and <c>down.sql</c>; the version is
/// the part before the first '_' with '-' removed, so 2017-09-23-182408 and 20170923182408 sort together.
/// </summary>
internal sealed partial class DieselFormat : IMigrationFormat
{
    public string Name => "diesel";

    public bool Recognises(DirectoryInfo folder) => MigrationFolders(folder).Any();

    public MigrationSet Discover(DiscoveryContext context) =>
        new(Name, Discover(context.Folder, context.ProjectRoot), HistoryScope.Of("__diesel_schema_migrations"));

    private static List<Migration> Discover(DirectoryInfo folder, string projectRoot)
    {
        var migrations = new List<Migration>();
        foreach (var directory in folder.EnumerateDirectories().Where(d => !d.Name.StartsWith('.')))
        {
            EnsureListable(directory, projectRoot);
            var up = new FileInfo(Path.Combine(directory.FullName, "up.sql"));
            var down = new FileInfo(Path.Combine(directory.FullName, "down.sql"));
            if (!up.Exists)
            {
                if (down.Exists)
                    throw new ConfigurationException($"{ProjectPaths.Relative(projectRoot, directory.FullName)}/ has down.sql but no up.sql");
                continue;
            }
            var version = directory.Name.Split('_', 2)[0].Replace("-", "", StringComparison.Ordinal);
            migrations.Add(new Migration(
                directory.Name,
                version,
                ProjectPaths.Script(projectRoot, up.FullName),
                down.Exists ? ProjectPaths.Script(projectRoot, down.FullName) : null,
                RunInTransaction(directory, projectRoot, folder.FullName))
            {
                OutsideTransactionHint = "move the statement to a migration of its own with metadata.toml saying run_in_transaction = false",
            });
        }
        UniqueVersions.Check(migrations);
        return migrations.OrderBy(m => m.Version, VersionOrder.Instance).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<DirectoryInfo> MigrationFolders(DirectoryInfo folder) =>
        folder.EnumerateDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "up.sql")));

    /// <summary>An unreadable folder would otherwise look like one without up.sql, and its migration would be silently skipped.</summary>
    private static void EnsureListable(DirectoryInfo directory, string projectRoot)
    {
        try
        {
            using var entries = directory.EnumerateFileSystemInfos().GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ScriptFiles.CannotRead(ProjectPaths.Relative(projectRoot, directory.FullName) + "/", e);
        }
    }

    /// <summary>diesel's metadata.toml: <c>run_in_transaction = false</c> is the only key that matters here.</summary>
    private static bool RunInTransaction(DirectoryInfo directory, string projectRoot, string folder)
    {
        var metadata = Path.Combine(directory.FullName, "metadata.toml");
        if (!File.Exists(metadata))
            return true;
        ScriptFiles.Check(projectRoot, metadata, [projectRoot, folder]);
        try
        {
            return !File.ReadLines(metadata).Any(line => RunOutsideTransaction().IsMatch(line));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ScriptFiles.CannotRead(ProjectPaths.Relative(projectRoot, metadata), e);
        }
    }

    [GeneratedRegex(@"^\s*run_in_transaction\s*=\s*false\s*(#.*)?$")]
    private static partial Regex RunOutsideTransaction();
}
