namespace DbGate.Core.Configuration;

/// <summary>Bad input from the user: options, dbgate.yml, or the migrations folder. The message is one line.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message) { }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException) { }

    public ConfigurationException() { }
}
