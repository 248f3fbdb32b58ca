using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DbGate.Core.Configuration;

/// <summary>Reads dbgate.yml strictly: a typo in a key is an error with its line, column and the key meant.</summary>
internal static partial class ConfigFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static async Task<ConfigFile> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await ReadWithLocationsAsync(path, cancellationToken)).File;

    /// <summary>Also where each key is, for errors found later (a seeded column that does not exist).</summary>
    public static async Task<(ConfigFile File, YamlLocations Locations)> ReadWithLocationsAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var name = Path.GetFileName(path);
        try
        {
            return (Deserializer.Deserialize<ConfigFile?>(text) ?? new ConfigFile(), YamlLocations.Read(name, text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{name}:{e.Start.Line}:{e.Start.Column}: {Explain(e)}", e);
        }
    }

    private static string Explain(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            var key = unknown.Groups["key"].Value;
            var type = Type.GetType($"DbGate.Core.Configuration.{unknown.Groups["type"].Value}");
            var suggestion = type is null ? null : ClosestKey(key, type);
            return suggestion is null ? $"unknown key '{key}'" : $"unknown key '{key}' (did you mean '{suggestion}'?)";
        }
        return message;
    }

    private static string? ClosestKey(string key, Type type)
    {
        var known = type.GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name));
        return known.Select(k => (Key: k, Distance: EditDistance.Between(key, k)))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Distance)
            .Select(x => x.Key)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"Property '(?<key>[^']+)' not found on type '(?:[\w.]+\.)?(?<type>\w+)'")]
    private static partial Regex UnknownProperty();
}
