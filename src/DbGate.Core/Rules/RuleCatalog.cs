using System.Collections.Frozen;
using System.Reflection;
using DbGate.Core.Results;
using YamlDotNet.RepresentationModel;

namespace DbGate.Core.Rules;

/// <summary>All rule metadata, parsed once from the <c>rules/*.md</c> files embedded in this assembly.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<FrozenDictionary<string, RuleDescriptor>> Rules = new(Load);

    public static IReadOnlyCollection<RuleDescriptor> All => Rules.Value.Values;

    public static RuleDescriptor Get(string id) =>
        Rules.Value.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"No rules/{id}.md is embedded.");

    private static FrozenDictionary<string, RuleDescriptor> Load()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => Parse(n, Read(assembly, n)))
            .ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static RuleDescriptor Parse(string source, string markdown)
    {
        var text = markdown.ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            throw new FormatException($"{source}: front matter must open the file with '---'.");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
            throw new FormatException($"{source}: front matter is not closed with '---'.");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[4..end]));
        var map = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Field(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
                ? value
                : throw new FormatException($"{source}: front matter lacks '{key}'.");

        return new RuleDescriptor(
            Field("id"),
            Field("name"),
            Field("title"),
            Enum.Parse<Level>(Field("level"), ignoreCase: true),
            Field("category"),
            text[(end + 5)..].Trim());
    }
}
