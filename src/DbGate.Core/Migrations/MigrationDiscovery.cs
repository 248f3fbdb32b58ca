using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>Finds the migrations in a folder, detecting the tool that wrote them when not told.</summary>
public static class MigrationDiscovery
{
    private static readonly IMigrationFormat[] Formats = [new GolangMigrateFormat(), new DieselFormat()];

    public static IReadOnlyList<string> FormatNames => Formats.Select(f => f.Name).ToList();

    /// <param name="format">A format name, or "auto" to detect it.</param>
    public static IReadOnlyList<Migration> Discover(string folder, string projectRoot, string format = "auto")
    {
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
            throw new ConfigurationException($"migrations folder not found: {folder}");
        IReadOnlyList<Migration> migrations;
        try
        {
            var chosen = format == "auto" ? Detect(directory) : Formats.FirstOrDefault(f => f.Name == format)
                ?? throw new ConfigurationException($"unknown migration format '{format}'; known: auto, {string.Join(", ", FormatNames)}");
            migrations = chosen.Discover(directory, projectRoot);
            if (migrations.Count == 0)
                throw new ConfigurationException($"no {chosen.Name} migrations found in {folder}");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Listing the folder or one of its subfolders failed; the exception does not say which, so name the folder.
            throw ScriptFiles.CannotRead($"the migrations folder {ProjectPaths.Relative(projectRoot, folder)}", e);
        }
        // Checked before any server starts, so an unreadable or escaping file costs nothing but one line.
        string[] roots = [projectRoot, folder];
        foreach (var script in migrations.SelectMany(m => m.Down is null ? [m.Up] : new[] { m.Up, m.Down }))
            ScriptFiles.Check(projectRoot, script.FullPath, roots);
        return migrations;
    }

    private static IMigrationFormat Detect(DirectoryInfo directory)
    {
        var found = Formats.Where(f => f.Recognises(directory)).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new ConfigurationException(
                $"no migrations found in {directory.FullName}: expected golang-migrate files (1_name.up.sql, 1_name.down.sql) or diesel folders (2024-01-01-000000_name/up.sql)"),
            _ => throw new ConfigurationException(
                $"{directory.FullName} mixes migration formats ({string.Join(" and ", found.Select(f => f.Name))}); set format: in dbgate.yml"),
        };
    }
}
