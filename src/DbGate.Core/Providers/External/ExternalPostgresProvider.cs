using Npgsql;

namespace DbGate.Core.Providers.External;

/// <summary>
/// An existing server, for CI service containers. DbGate works only inside databases it creates there
/// (see EphemeralDatabase), so the server's own databases are never touched.
/// </summary>
public sealed class ExternalPostgresProvider(string connectionString) : IPostgresProvider
{
    public string Name => "external";

    public async Task<IPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message of a parse error can quote the string, password and all; say only what kind of error it is.
            throw new Configuration.ConfigurationException($"the connection string is malformed ({e.GetType().Name}); expected Host=…;Username=…;Password=…", e);
        }
        if (string.IsNullOrEmpty(builder.Database))
            builder.Database = "postgres";
        var where = $"{builder.Host ?? "localhost"}:{builder.Port}";
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return new ExternalPostgresServer(builder.ConnectionString, $"PostgreSQL {connection.PostgreSqlVersion} (external, {where})");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new InfrastructureException($"could not reach PostgreSQL at {where}: {Redact(e.Message, builder.Password)}", e);
        }
    }

    private static string Redact(string message, string? secret) =>
        string.IsNullOrEmpty(secret) ? message : message.Replace(secret, "***", StringComparison.Ordinal);

    private sealed class ExternalPostgresServer(string adminConnectionString, string description) : IPostgresServer
    {
        public string Description { get; } = description;

        public string AdminConnectionString { get; } = adminConnectionString;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
