namespace DbGate.Core.Providers;

/// <summary>PostgreSQL could not be started or reached. The message is one line, free of secrets, and says what to do.</summary>
public sealed class InfrastructureException : Exception
{
    public InfrastructureException(string message)
        : base(message) { }

    public InfrastructureException(string message, Exception innerException)
        : base(message, innerException) { }

    public InfrastructureException() { }
}
