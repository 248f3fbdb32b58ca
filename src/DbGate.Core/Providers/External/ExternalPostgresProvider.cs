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
        var builder = ConnectionStrings.Parse(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
            builder.Database = "postgres";
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return new ExternalPostgresServer(builder.ConnectionString, $"PostgreSQL {connection.PostgreSqlVersion} (external, {ConnectionStrings.Where(builder)})");
        }
        catch (Exception e) when (ConnectionStrings.IsUnreachable(e))
        {
            throw ConnectionStrings.Unreachable(builder, e);
        }
    }

    private sealed class ExternalPostgresServer(string adminConnectionString, string description) : IPostgresServer
    {
        public string Description { get; } = description;

        public string AdminConnectionString { get; } = adminConnectionString;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
