using YamlDotNet.Core;

namespace DbGate.Core.Configuration;

/// <summary>Where each value of dbgate.yml is, by dotted key (postgres.connection), so errors about values point at them.</summary>
internal sealed class ConfigLocations(string fileName)
{
    /// <summary>For a run without dbgate.yml: nothing is located.</summary>
    public static readonly ConfigLocations None = new("");

    private readonly Dictionary<string, Mark> _values = new(StringComparer.Ordinal);

    public void Record(string key, Mark start) => _values[key] = start;

    public ConfigurationException Error(Mark at, string message) => new($"{fileName}:{at.Line}:{at.Column}: {message}");

    /// <summary>Runs <paramref name="read"/>, and prefixes an error it raises with the place of <paramref name="key"/>'s value.</summary>
    public T Read<T>(string key, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException e) when (_values.TryGetValue(key, out var at))
        {
            throw new ConfigurationException($"{fileName}:{at.Line}:{at.Column}: {e.Message}", e);
        }
    }
}
