using DbGate.Core.Configuration;
using Npgsql;

namespace DbGate.Core.Providers;

/// <summary>
/// Connection strings as the user gives them, read and reported without ever quoting them: Npgsql's own messages
/// about a string it cannot parse may hold the password.
/// </summary>
public static class ConnectionStrings
{
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        // libpq's URI form is common in CI settings; Npgsql reads only keyword=value.
        if (connectionString.TrimStart().StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connectionString.TrimStart().StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            throw new ConfigurationException("the connection string is a postgres:// URI, which Npgsql does not read; write it as Host=…;Port=…;Username=…;Database=…");
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"the connection string is malformed ({e.GetType().Name}); expected Host=…;Username=…;Password=…", e);
        }
    }

    /// <summary>host:port, for messages.</summary>
    public static string Where(NpgsqlConnectionStringBuilder builder) => $"{builder.Host ?? "localhost"}:{builder.Port}";

    /// <summary>The server did not answer or refused the connection; the message keeps the password out.</summary>
    public static InfrastructureException Unreachable(NpgsqlConnectionStringBuilder builder, Exception e)
    {
        var message = string.IsNullOrEmpty(builder.Password) ? e.Message : e.Message.Replace(builder.Password, SecretRedactor.Mask, StringComparison.Ordinal);
        return new InfrastructureException($"could not reach PostgreSQL at {Where(builder)}: {message}", e);
    }

    /// <summary>What opening a connection throws when the server is not there, refuses, or is too slow.</summary>
    public static bool IsUnreachable(Exception e) => e is NpgsqlException or TimeoutException or InvalidOperationException;
}
