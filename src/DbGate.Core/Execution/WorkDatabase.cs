using DbGate.Core.Providers;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// A database DbGate created for itself on the server and drops at the end. DbGate never works in a database
/// it did not create, so pointing it at an existing server cannot harm that server's data.
/// </summary>
internal sealed class WorkDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private WorkDatabase(string adminConnectionString, string name, int serverVersion, string sessionSettings)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ServerVersion = serverVersion;
        SessionSettings = sessionSettings;
        // No pooling: a pooled idle connection would block CREATE DATABASE … TEMPLATE of this database.
        // Error details are PostgreSQL's explanation of a failing migration, about DbGate's own scratch data.
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false, CommandTimeout = 0, IncludeErrorDetail = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>server_version_num, such as 150018.</summary>
    public int ServerVersion { get; }

    private string SessionSettings { get; }

    public static Task<WorkDatabase> CreateAsync(IPostgresServer server, TimeSpan statementTimeout, CancellationToken cancellationToken) =>
        CreateAsync(server, statementTimeout, template: null, cancellationToken);

    /// <param name="template">A database to start from (a migrated prefix); null for an empty one.</param>
    public static async Task<WorkDatabase> CreateAsync(IPostgresServer server, TimeSpan statementTimeout, string? template, CancellationToken cancellationToken)
    {
        var name = $"dbgate_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var admin = await OpenAdminAsync(server.AdminConnectionString, cancellationToken);
        var version = admin.PostgreSqlVersion;
        var from = template is null ? "" : $" TEMPLATE {template}{(version.Major >= 15 ? " STRATEGY = FILE_COPY" : "")}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}{from}", cancellationToken);
        var timeout = $"SET statement_timeout = {(long)statementTimeout.TotalMilliseconds}";
        return new WorkDatabase(server.AdminConnectionString, name, version.Major * 10000 + Math.Max(0, version.Minor), timeout);
    }

    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(ConnectionString, cancellationToken);

    /// <summary>A copy of this database as it is now; every connection to it must be closed first.</summary>
    public async Task<WorkDatabase> CloneAsync(CancellationToken cancellationToken)
    {
        var clone = $"{Name}_c{Guid.NewGuid().ToString("N")[..6]}";
        // FILE_COPY copies the files instead of WAL-logging every page: much faster for small databases.
        var strategy = ServerVersion >= 150000 ? " STRATEGY = FILE_COPY" : "";
        await using var admin = await OpenAdminAsync(_adminConnectionString, cancellationToken);
        await ExecuteAsync(admin, $"CREATE DATABASE {clone} TEMPLATE {Name}{strategy}", cancellationToken);
        return new WorkDatabase(_adminConnectionString, clone, ServerVersion, SessionSettings);
    }

    public async ValueTask DisposeAsync()
    {
        // Teardown must run even when the run was cancelled, so it does not take the run's token.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await using var admin = await OpenAdminAsync(_adminConnectionString, timeout.Token);
            var force = ServerVersion >= 130000 ? " WITH (FORCE)" : "";
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name}{force}", timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // The server is gone or going (its own teardown removes everything); nothing is left to drop.
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await OpenAdminAsync(connectionString, cancellationToken);
        await ExecuteAsync(connection, SessionSettings, cancellationToken);
        return connection;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
