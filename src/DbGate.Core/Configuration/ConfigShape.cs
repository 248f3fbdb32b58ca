using System.Collections;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace DbGate.Core.Configuration;

/// <summary>
/// Checks dbgate.yml against the shape of <see cref="ConfigFile"/> before it is deserialised: every unknown key,
/// key given twice, or value of the wrong kind is one line naming the key, its place and what was expected,
/// instead of a deserialiser's words about .NET types. Keys added to the ConfigFile classes are checked with no
/// change here.
/// </summary>
internal static class ConfigShape
{
    public static void Check(YamlStream yaml, YamlLocations locations)
    {
        if (yaml.Documents.Count > 1)
            throw locations.Error(yaml.Documents[1].RootNode.Start, $"the file holds {yaml.Documents.Count} YAML documents; DbGate reads one");
        if (yaml.Documents.Count == 1 && !IsNull(yaml.Documents[0].RootNode))
            CheckNode(yaml.Documents[0].RootNode, typeof(ConfigFile), "", locations);
    }

    private static void CheckNode(YamlNode node, Type type, string path, YamlLocations locations)
    {
        if (IsNull(node))
            return;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum)
            CheckValue(node, type, path, locations);
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            CheckMap(node, type.GetGenericArguments()[1], path, locations);
        else if (typeof(IList).IsAssignableFrom(type))
            CheckList(node, type.GetGenericArguments()[0], path, locations);
        else
            CheckSection(node, type, path, locations);
    }

    private static void CheckSection(YamlNode node, Type type, string path, YamlLocations locations)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
            throw locations.Error(node.Start, $"{Name(path)} must hold keys ({string.Join(", ", properties.Keys)}), not {Describe(node)}");
        foreach (var (key, value, keyPath) in Entries(mapping, path, locations))
        {
            if (!properties.TryGetValue(key, out var property))
                throw locations.Error(mapping.Children.Keys.First(k => k is YamlScalarNode s && s.Value == key).Start, UnknownKey(key, properties.Keys));
            CheckNode(value, property.PropertyType, keyPath, locations);
        }
    }

    private static void CheckMap(YamlNode node, Type valueType, string path, YamlLocations locations)
    {
        if (node is not YamlMappingNode mapping)
            throw locations.Error(node.Start, $"{path} must hold keys and values, such as DBG006: note, not {Describe(node)}");
        foreach (var (_, value, keyPath) in Entries(mapping, path, locations))
            CheckNode(value, valueType, keyPath, locations);
    }

    private static void CheckList(YamlNode node, Type itemType, string path, YamlLocations locations)
    {
        if (node is YamlScalarNode scalar)
            throw locations.Error(node.Start, $"{path} must be a list, such as [{scalar.Value}], not the single value '{scalar.Value}'");
        if (node is not YamlSequenceNode sequence)
            throw locations.Error(node.Start, $"{path} must be a list, not {Describe(node)}");
        foreach (var item in sequence.Children)
            CheckNode(item, itemType, path + "[]", locations);
    }

    private static void CheckValue(YamlNode node, Type type, string path, YamlLocations locations)
    {
        if (node is not YamlScalarNode scalar)
            throw locations.Error(node.Start, $"{path} must be a single value, not {Describe(node)}");
        if (type == typeof(bool) && !IsBoolean(scalar.Value))
            throw locations.Error(node.Start, $"{path} must be true or false (got '{scalar.Value}')");
        if (ConfigNumbers.Problem(type, scalar.Value ?? "") is { } problem)
            throw locations.Error(node.Start, $"{path} {problem} (got '{Shorten(scalar.Value ?? "")}')");
    }

    /// <summary>A value quoted back in full could be a whole file pasted into one key.</summary>
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The entries of a mapping with their dotted paths. (YamlStream already refuses a key given twice.)</summary>
    private static IEnumerable<(string Key, YamlNode Value, string Path)> Entries(YamlMappingNode mapping, string path, YamlLocations locations)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw locations.Error(keyNode.Start, $"{Name(path)} has a key that is not a plain name");
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            yield return (key, value, keyPath);
        }
    }

    private static string UnknownKey(string key, IEnumerable<string> known)
    {
        var suggestion = EditDistance.Closest(key, known);
        return suggestion is null ? $"unknown key '{key}'" : $"unknown key '{key}' (did you mean '{suggestion}'?)";
    }

    // YAML 1.2's core schema, which YamlDotNet follows; yes/no/on/off are strings there, not booleans.
    private static bool IsBoolean(string? value) => value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Name(string path) => path.Length == 0 ? "the file" : path;

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
