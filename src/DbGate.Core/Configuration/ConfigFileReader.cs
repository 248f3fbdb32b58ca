using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DbGate.Core.Configuration;

/// <summary>Reads dbgate.yml strictly: a typo in a key or a value of the wrong kind is an error with its line, column and what was meant.</summary>
internal static class ConfigFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static async Task<ConfigFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = await ConfigText.ReadAsync(path, name, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Migrations.ScriptFiles.CannotRead(name, e);
        }
        try
        {
            YamlLimits.Check(text, name);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            var locations = YamlLocations.From(name, yaml, text);
            ConfigShape.Check(yaml, locations);
            var config = Deserializer.Deserialize<ConfigFile?>(text) ?? new ConfigFile();
            config.Locations = locations;
            return config;
        }
        catch (YamlException e) when (e.Message.Contains(" tab ", StringComparison.Ordinal) && TabIndentedLine(text) is { } line)
        {
            // YamlDotNet places this error at the start of the enclosing mapping, which hides the line to fix.
            throw new ConfigurationException($"{name}:{line}:1: a tab indents this line; YAML indents with spaces only", e);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{name}:{e.Start.Line}:{e.Start.Column}: {(e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ")}", e);
        }
    }

    private static int? TabIndentedLine(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.TakeWhile(char.IsWhiteSpace).Contains('\t') && l.Trim().Length > 0);
        return index < 0 ? null : index + 1;
    }
}
