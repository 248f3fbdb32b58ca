using YamlDotNet.RepresentationModel;

namespace DbGate.Tests.Hosts;

/// <summary>action.yml read with a real YAML parser, as GitHub reads it before running anything.</summary>
public sealed record ActionFile(IReadOnlyDictionary<string, string> InputDefaults, IReadOnlyDictionary<string, string> OutputValues, IReadOnlyList<ActionStep> Steps, string Using)
{
    public static string PathInRepository => Path.Combine(Infrastructure.RepoPaths.SolutionDirectory, "action.yml");

    public static ActionFile Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var inputs = Mapping(root, "inputs").Children.ToDictionary(
            i => ((YamlScalarNode)i.Key).Value!, i => Scalar((YamlMappingNode)i.Value, "default") ?? "", StringComparer.Ordinal);
        var outputs = Mapping(root, "outputs").Children.ToDictionary(
            o => ((YamlScalarNode)o.Key).Value!, o => Scalar((YamlMappingNode)o.Value, "value") ?? "", StringComparer.Ordinal);
        var runs = Mapping(root, "runs");
        var steps = ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().Select(Step).ToList();
        return new ActionFile(inputs, outputs, steps, Scalar(runs, "using") ?? "");
    }

    private static ActionStep Step(YamlMappingNode step) => new(
        Scalar(step, "name") ?? "",
        Scalar(step, "id"),
        Scalar(step, "if"),
        Scalar(step, "run"),
        Scalar(step, "uses"),
        Scalar(step, "shell"),
        Scalar(step, "working-directory"),
        Pairs(step, "env"),
        Pairs(step, "with"));

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (YamlMappingNode)value : new YamlMappingNode();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> Pairs(YamlMappingNode node, string key) =>
        Mapping(node, key).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);
}

public sealed record ActionStep(
    string Name, string? Id, string? If, string? Run, string? Uses, string? Shell, string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Env, IReadOnlyDictionary<string, string> With);
