using YamlDotNet.RepresentationModel;

namespace DbGate.Core.Configuration;

/// <summary>
/// Where each key of a YAML document is, by its path (<c>seed/columns/orders.status/values</c>; list items by index),
/// so errors found long after reading (a column that does not exist) can still point at the line that asked for it.
/// </summary>
internal sealed class YamlLocations
{
    private readonly Dictionary<string, (int Line, int Column)> _marks;

    private YamlLocations(string file, Dictionary<string, (int Line, int Column)> marks)
    {
        File = file;
        _marks = marks;
    }

    /// <summary>The file name as messages show it, such as <c>dbgate.yml</c>.</summary>
    public string File { get; }

    public static YamlLocations None(string file) => new(file, []);

    /// <summary>The keys of the stream's first document (the reader has refused more than one).</summary>
    public static YamlLocations From(string file, YamlStream stream)
    {
        var marks = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
            Walk(stream.Documents[0].RootNode, "", marks);
        return new YamlLocations(file, marks);
    }

    /// <summary>The key at this path, or the nearest enclosing key that exists.</summary>
    public ConfigLocation? Of(params string[] path)
    {
        for (var length = path.Length; length > 0; length--)
        {
            if (_marks.TryGetValue(string.Join('/', path.Take(length)), out var mark))
                return new ConfigLocation(File, mark.Line, mark.Column);
        }
        return null;
    }

    private static void Walk(YamlNode node, string prefix, Dictionary<string, (int, int)> marks)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var path = prefix + (key is YamlScalarNode { Value: { } name } ? name : "?");
                    marks.TryAdd(path, ((int)key.Start.Line, (int)key.Start.Column));
                    Walk(value, path + "/", marks);
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var path = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    marks.TryAdd(path, ((int)item.Start.Line, (int)item.Start.Column));
                    Walk(item, path + "/", marks);
                }
                break;
        }
    }
}
