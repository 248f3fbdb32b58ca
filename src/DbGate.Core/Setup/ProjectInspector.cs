using DbGate.Core.Configuration;
using DbGate.Core.Migrations;

namespace DbGate.Core.Setup;

/// <summary>A migrations folder found in a repository: where, in which format, how many.</summary>
/// <param name="Tool">For command mode: the tool that migrates in code, and the commands proposed for it.</param>
public sealed record FoundMigrations(string Folder, string Format, int Count, CommandTool? Tool = null)
{
    /// <summary>Flyway's <c>${name}</c> placeholders the scripts use with no value yet: proposed in dbgate.yml to fill.</summary>
    public IReadOnlyList<string> UnsetPlaceholders { get; init; } = [];

    /// <summary>What init found, as it says it: "4 flyway migrations", "2 rails migrations (command mode)".</summary>
    public string Summary => Tool is { } tool ? $"{Count} {tool.Name} migrations (command mode)" : $"{Count} {Format} migrations";
}

/// <summary>
/// Looks through a repository for the folder holding its migrations, asking MigrationDiscovery about each folder,
/// so every format DbGate learns is found here too. The folder with the most migrations wins; on a tie, the
/// shallower one.
/// </summary>
public static class ProjectInspector
{
    private const int MaxDepth = 6;
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "target", "vendor", "dist", "out" };

    public static FoundMigrations Find(string root)
    {
        var candidates = new List<(FoundMigrations Found, int Depth)>();
        Walk(new DirectoryInfo(root), 0, candidates, root);
        return candidates.OrderByDescending(c => c.Found.Count).ThenBy(c => c.Depth).Select(c => c.Found).FirstOrDefault()
            // No files DbGate reads: a tool that migrates in code at the root is driven in command mode.
            ?? (CommandTool.Recognise(new DirectoryInfo(root)) is { } tool ? new FoundMigrations(root, CommandFormat.FormatName, tool.Files.Count, tool) : null)
            ?? throw new ConfigurationException($"no migrations found under {root}: expected {string.Join(" or ", MigrationDiscovery.FormatNames)} files; write dbgate.yml by hand with migrations: and format:");
    }

    private static void Walk(DirectoryInfo directory, int depth, List<(FoundMigrations, int)> candidates, string root)
    {
        if (MigrationDiscovery.DetectFormat(directory.FullName) is { } format)
        {
            try
            {
                var folder = FlywayProposal.IsFamily(format) ? FlywayProposal.Folder(directory) : directory.FullName;
                var migrations = MigrationDiscovery.Open(folder, root, format, FormatOptions.ForDetection).Migrations;
                var unset = FlywayProposal.IsFamily(format) ? FlywayProposal.UnsetPlaceholders(migrations) : [];
                candidates.Add((new FoundMigrations(folder, format, migrations.Count) { UnsetPlaceholders = unset }, depth));
                return; // a migrations folder's own subfolders are its migrations
            }
            catch (ConfigurationException)
            {
                // recognised but malformed: not the folder to propose
            }
        }
        if (depth >= MaxDepth)
            return;
        IEnumerable<DirectoryInfo> children;
        try
        {
            children = directory.EnumerateDirectories().Where(d => !d.Name.StartsWith('.') && !Skipped.Contains(d.Name)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var child in children)
            Walk(child, depth + 1, candidates, root);
    }
}
