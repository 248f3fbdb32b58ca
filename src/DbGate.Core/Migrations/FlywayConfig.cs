using DbGate.Core.Configuration;
using Tomlyn;
using Tomlyn.Model;

namespace DbGate.Core.Migrations;

/// <summary>What DbGate reads of flyway.conf or flyway.toml: where the scripts are, their placeholders, and two switches.</summary>
/// <param name="Directory">The folder the configuration's relative locations start from.</param>
/// <param name="Locations">Folders scanned (recursively) for scripts; empty when the configuration names none.</param>
internal sealed record FlywayConfig(
    string Directory,
    IReadOnlyList<string> Locations,
    IReadOnlyDictionary<string, string> Placeholders,
    string? Table = null,
    bool Mixed = false,
    bool ReplacePlaceholders = true)
{
    private static readonly string[] Unhonoured = ["defaultSchema", "schemas", "initSql"];

    /// <summary>Settings DbGate reads but cannot honour, said in the report.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>flyway.toml or flyway.conf in the folder or its parent (a project whose scripts are in migrations/).</summary>
    public static FlywayConfig? Find(DirectoryInfo folder)
    {
        foreach (var directory in new[] { folder, folder.Parent }.OfType<DirectoryInfo>())
        {
            // A configuration that is a symbolic link is not read: it could lead anywhere on the machine.
            if (SourceText.IsPlainFile(Path.Combine(directory.FullName, "flyway.toml")))
                return FromToml(Path.Combine(directory.FullName, "flyway.toml"));
            if (SourceText.IsPlainFile(Path.Combine(directory.FullName, "flyway.conf")))
                return FromConf(Path.Combine(directory.FullName, "flyway.conf"));
        }
        return null;
    }

    private static FlywayConfig FromConf(string path)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or '!')))
        {
            var split = line.IndexOfAny(['=', ':']);
            if (split > 0)
                settings[line[..split].Trim()] = line[(split + 1)..].Trim();
        }
        var placeholders = settings.Where(s => s.Key.StartsWith("flyway.placeholders.", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["flyway.placeholders.".Length..], s => s.Value, StringComparer.Ordinal);
        return Build(path, settings.GetValueOrDefault("flyway.locations")?.Split(',') ?? [], placeholders, Key => settings.GetValueOrDefault("flyway." + Key));
    }

    private static FlywayConfig FromToml(string path)
    {
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path)) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new ConfigurationException($"{Path.GetFileName(path)}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        var flyway = root.TryGetValue("flyway", out var section) && section is TomlTable table ? table : new TomlTable();
        var locations = flyway.TryGetValue("locations", out var value) ? value switch
        {
            TomlArray array => array.Select(v => v?.ToString() ?? "").ToArray(),
            string one => one.Split(','),
            _ => [],
        } : [];
        var placeholders = flyway.TryGetValue("placeholders", out var p) && p is TomlTable values
            ? values.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return Build(path, locations, placeholders, key => flyway.TryGetValue(key, out var v) ? Text(v) : null);
    }

    private static string? Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        TomlArray array => string.Join(',', array),
        null => null,
        _ => value.ToString(),
    };

    private static FlywayConfig Build(string path, IEnumerable<string> locations, Dictionary<string, string> placeholders, Func<string, string?> setting)
    {
        var ignored = Unhonoured
            .Where(key => setting(key) is { Length: > 0 })
            .Select(key => $"{Path.GetFileName(path)}: {key} is not honoured: DbGate runs the scripts with the work database's default search_path")
            .ToList();
        return new FlywayConfig(
            Path.GetDirectoryName(path)!,
            [.. locations.Select(l => l.Trim()).Where(l => l.Length > 0)],
            placeholders,
            // Unset, the tool's own default applies: Flyway's flyway_schema_history, Evolve's changelog.
            setting("table") is { Length: > 0 } table ? table : null,
            string.Equals(setting("mixed"), "true", StringComparison.OrdinalIgnoreCase),
            !string.Equals(setting("placeholderReplacement"), "false", StringComparison.OrdinalIgnoreCase))
        {
            Ignored = ignored,
        };
    }
}
