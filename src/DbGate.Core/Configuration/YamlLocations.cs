using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbGate.Core.Configuration;

/// <summary>
/// Where each key of dbgate.yml is, and where its value starts, by path (<c>seed/columns/orders.status/values</c>;
/// list items by index): errors about a value found while reading point at the value, and errors found long after
/// (a column that does not exist) at the line that asked for it.
/// </summary>
internal sealed class YamlLocations
{
    private readonly Dictionary<string, (int Line, int Column)> _keys;
    private readonly Dictionary<string, (int Line, int Column)> _values;
    private readonly Dictionary<string, YamlScalarNode> _scalars = new(StringComparer.Ordinal);
    private readonly YamlValuePlaces.SourceText? _source;

    private YamlLocations(string file, Dictionary<string, (int Line, int Column)> keys, Dictionary<string, (int Line, int Column)> values, string? text = null)
    {
        File = file;
        _keys = keys;
        _values = values;
        _source = text is null ? null : new YamlValuePlaces.SourceText(text);
    }

    /// <summary>The file name as messages show it, such as <c>dbgate.yml</c>.</summary>
    public string File { get; }

    /// <summary>For a run without dbgate.yml: nothing is located.</summary>
    public static YamlLocations None(string file) => new(file, [], []);

    /// <summary>The keys of the stream's first document (the reader refuses more than one), read from <paramref name="text"/>.</summary>
    public static YamlLocations From(string file, YamlStream stream, string text)
    {
        var locations = new YamlLocations(file, new(StringComparer.Ordinal), new(StringComparer.Ordinal), text);
        if (stream.Documents.Count > 0)
            locations.Walk(stream.Documents[0].RootNode, "");
        return locations;
    }

    /// <summary>The key at this path, or the nearest enclosing key that exists.</summary>
    public ConfigLocation? Of(params string[] path)
    {
        for (var length = path.Length; length > 0; length--)
        {
            if (_keys.TryGetValue(string.Join('/', path.Take(length)), out var mark))
                return new ConfigLocation(File, mark.Line, mark.Column);
        }
        return null;
    }

    /// <summary>Where each character of the scalar value at this path is written, for a place inside inline SQL; null without one.</summary>
    public YamlValuePlaces? PlacesOf(params string[] path) =>
        _source is not null && _scalars.TryGetValue(string.Join('/', path), out var node) ? YamlValuePlaces.Of(node, _source) : null;

    public ConfigurationException Error(Mark at, string message) => new($"{File}:{at.Line}:{at.Column}: {message}");

    /// <summary>Runs <paramref name="read"/>, and prefixes an error it raises with the place of the value at <paramref name="path"/>.</summary>
    public T Read<T>(string[] path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException e) when (_values.TryGetValue(string.Join('/', path), out var at))
        {
            throw new ConfigurationException($"{File}:{at.Line}:{at.Column}: {e.Message}", e);
        }
    }

    private void Walk(YamlNode node, string prefix)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var path = prefix + (key is YamlScalarNode { Value: { } name } ? name : "?");
                    _keys.TryAdd(path, ((int)key.Start.Line, (int)key.Start.Column));
                    _values[path] = ((int)value.Start.Line, (int)value.Start.Column);
                    if (value is YamlScalarNode scalar)
                        _scalars[path] = scalar;
                    Walk(value, path + "/");
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var path = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _keys.TryAdd(path, ((int)item.Start.Line, (int)item.Start.Column));
                    Walk(item, path + "/");
                }
                break;
        }
    }
}
