using System.Xml;
using System.Xml.Linq;
using DbGate.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace DbGate.Core.Migrations;

/// <summary>
/// The order of a Liquibase project's formatted SQL files: as a root changelog (XML or YAML) includes them, with
/// <c>include</c> in document order and <c>includeAll</c> in alphabetical order; without one, every formatted SQL file
/// of the folder in alphabetical order, as includeAll would take them.
/// </summary>
internal static class LiquibaseChangelog
{
    private static readonly string[] RootNames =
    [
        "changelog.xml", "changelog.yaml", "changelog.yml", "db.changelog-master.xml", "db.changelog-master.yaml", "db.changelog-master.yml",
        "changelog-root.xml", "changelog-root.yaml",
    ];

    public static string? Root(DirectoryInfo folder) =>
        RootNames.Select(n => Path.Combine(folder.FullName, n)).FirstOrDefault(File.Exists);

    public static IReadOnlyList<string> Files(DiscoveryContext context)
    {
        var folder = context.Folder;
        var root = Root(folder);
        var files = root is null ? All(folder.FullName) : Included(context, root, folder.FullName, []);
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> All(string directory) =>
        Directory.EnumerateFiles(directory, "*.sql", SourceText.Recursive)
            .Where(LiquibaseSqlFile.IsFormatted)
            .Order(StringComparer.Ordinal);

    private static List<string> Included(DiscoveryContext context, string changelog, string searchRoot, HashSet<string> seen)
    {
        if (!seen.Add(changelog))
            throw new ConfigurationException($"{Path.GetFileName(changelog)} includes itself");
        var directory = Path.GetDirectoryName(changelog)!;
        var files = new List<string>();
        foreach (var (kind, path, relative) in Entries(changelog, SourceText.Read(context, changelog)))
        {
            var full = Path.GetFullPath(path, relative ? directory : searchRoot);
            if (kind == "includeAll")
            {
                if (!Directory.Exists(full))
                    throw new ConfigurationException($"{Path.GetFileName(changelog)}: includeAll path {path} is not a folder");
                files.AddRange(All(full));
            }
            else if (!File.Exists(full))
            {
                throw new ConfigurationException($"{Path.GetFileName(changelog)}: included file {path} does not exist");
            }
            else if (full.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(full);
            }
            else
            {
                files.AddRange(Included(context, full, searchRoot, seen));
            }
        }
        return files;
    }

    /// <summary>(include or includeAll, path, relativeToChangelogFile) in document order.</summary>
    private static List<(string Kind, string Path, bool Relative)> Entries(string changelog, string text) =>
        changelog.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? XmlEntries(changelog, text) : YamlEntries(changelog, text);

    private static List<(string, string, bool)> XmlEntries(string changelog, string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ConfigurationException($"{Path.GetFileName(changelog)}:{e.LineNumber}:{e.LinePosition}: {e.Message}", e);
        }
        var entries = new List<(string, string, bool)>();
        foreach (var element in document.Root?.Elements() ?? [])
        {
            var name = element.Name.LocalName;
            if (name == "changeSet")
                throw new ConfigurationException($"{Path.GetFileName(changelog)}: XML changeSets are not read; DbGate reads Liquibase formatted SQL (include the .sql files instead)");
            if (name is "include" or "includeAll")
            {
                var path = (string?)element.Attribute(name == "include" ? "file" : "path")
                    ?? throw new ConfigurationException($"{Path.GetFileName(changelog)}: <{name}> without a {(name == "include" ? "file" : "path")}");
                entries.Add((name, path, string.Equals((string?)element.Attribute("relativeToChangelogFile"), "true", StringComparison.OrdinalIgnoreCase)));
            }
        }
        return entries;
    }

    private static List<(string, string, bool)> YamlEntries(string changelog, string text)
    {
        // The same limits as dbgate.yml: a deeply nested or alias-bomb changelog would crash or hang YamlDotNet's loader.
        YamlLimits.Check(text, Path.GetFileName(changelog));
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ConfigurationException($"{Path.GetFileName(changelog)}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        var entries = new List<(string, string, bool)>();
        var root = yaml.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        if (root?.Children.TryGetValue(new YamlScalarNode("databaseChangeLog"), out var log) != true || log is not YamlSequenceNode items)
            throw new ConfigurationException($"{Path.GetFileName(changelog)} has no databaseChangeLog list");
        foreach (var item in items.OfType<YamlMappingNode>().SelectMany(i => i.Children))
        {
            var name = ((YamlScalarNode)item.Key).Value;
            if (name == "changeSet")
                throw new ConfigurationException($"{Path.GetFileName(changelog)}: YAML changeSets are not read; DbGate reads Liquibase formatted SQL (include the .sql files instead)");
            if (name is "include" or "includeAll" && item.Value is YamlMappingNode settings)
            {
                string? Setting(string key) => settings.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
                var path = Setting(name == "include" ? "file" : "path")
                    ?? throw new ConfigurationException($"{Path.GetFileName(changelog)}: {name} without a {(name == "include" ? "file" : "path")}");
                entries.Add((name, path, string.Equals(Setting("relativeToChangelogFile"), "true", StringComparison.OrdinalIgnoreCase)));
            }
        }
        return entries;
    }
}
