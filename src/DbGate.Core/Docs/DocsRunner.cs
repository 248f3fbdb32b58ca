using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate;
using DbGate.Core.Migrations;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Docs;

/// <summary>
/// <c>dotnet dbgate docs</c>: applies every up (no downs: the docs describe where the migrations lead) on an ephemeral
/// PostgreSQL, as the gate would, and renders the data dictionary of the result, or compares it with a committed copy.
/// </summary>
public static class DocsRunner
{
    public static async Task<SchemaSnapshot> MigrateAsync(GateOptions options, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var migrations = MigrationDiscovery.Discover(options.MigrationsPath, options.ProjectRoot, options.Format);
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        log($"starting PostgreSQL ({provider.Name}) for {migrations.Count} migrations");
        await using var server = await provider.StartAsync(cancellationToken);
        await using var database = await WorkDatabase.CreateAsync(server, PrefixStart.WorkOptions(options), cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await ForwardRun.ApplyAllAsync(connection, database, migrations, cancellationToken);
        return await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, cancellationToken);
    }

    /// <summary>Writes the pages into <paramref name="directory"/>, removing pages of schemas that are gone.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(SchemaSnapshot snapshot, string directory, CancellationToken cancellationToken)
    {
        var files = DataDictionary.Render(snapshot);
        Directory.CreateDirectory(directory);
        foreach (var stale in Stale(files, directory))
            File.Delete(Path.Combine(directory, stale));
        foreach (var (name, content) in files)
            await File.WriteAllTextAsync(Path.Combine(directory, name), content, cancellationToken);
        return [.. files.Keys];
    }

    /// <summary>What differs between the committed pages and the migrated schema's: one line per file; empty when none.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(SchemaSnapshot snapshot, string directory, CancellationToken cancellationToken)
    {
        var files = DataDictionary.Render(snapshot);
        var differences = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
                differences.Add($"{name}: missing");
            else if ((await File.ReadAllTextAsync(path, cancellationToken)).ReplaceLineEndings("\n") != content)
                differences.Add($"{name}: differs from the migrated schema");
        }
        differences.AddRange(Stale(files, directory).Select(name => $"{name}: describes a schema the migrations no longer create"));
        return differences;
    }

    // Only pages this command writes: README.md and <schema>.md, recognised by their first line.
    private static List<string> Stale(IReadOnlyDictionary<string, string> files, string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md").Select(Path.GetFileName).OfType<string>()
                .Where(n => !files.ContainsKey(n) && File.ReadLines(Path.Combine(directory, n)).FirstOrDefault()?.StartsWith("# Schema ", StringComparison.Ordinal) == true)
                .Order(StringComparer.Ordinal).ToList()
            : [];
}

/// <summary>An up that fails while building the docs: there is no schema to describe.</summary>
public sealed class MigrationFailedException : Exception
{
    public MigrationFailedException(string message) : base(message)
    {
    }

    public MigrationFailedException()
    {
    }

    public MigrationFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
