using DbGate.Core.Execution.Privileges;
using DbGate.Core.Providers;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// The database a run works in: one DbGate created for itself and drops at the end, owned by a role that can do
/// nothing else, so pointing DbGate at an existing server cannot harm that server or its host. Only when the
/// connection may not create databases, and the user allows it, does DbGate work in the connection's own database,
/// and then it applies ups only.
/// </summary>
internal sealed class WorkDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly WorkRole? _role;
    private readonly bool _ownsRole;

    private WorkDatabase(string adminConnectionString, string name, int serverVersion, WorkDatabaseOptions options, WorkRole? role, RunIdentity identity, bool createdByDbGate, bool ownsRole)
    {
        _adminConnectionString = adminConnectionString;
        _role = role;
        _ownsRole = ownsRole;
        Name = name;
        ServerVersion = serverVersion;
        Options = options;
        Identity = identity;
        CreatedByDbGate = createdByDbGate;
        // No pooling: a pooled idle connection would block CREATE DATABASE … TEMPLATE of this database.
        // Error details are PostgreSQL's explanation of a failing migration, about DbGate's own scratch data.
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false, IncludeErrorDetail = true }.Bounded(options.StatementTimeout);
        if (role is not null)
            (builder.Username, builder.Password) = (role.Name, role.Password);
        ConnectionString = builder.ConnectionString;
    }

    public string Name { get; }

    /// <summary>Connects as the role migrations run as; a secret (it may hold a password), never printed.</summary>
    public string ConnectionString { get; }

    /// <summary>server_version_num, such as 150018.</summary>
    public int ServerVersion { get; }

    public RunIdentity Identity { get; }

    /// <summary>False only for the connection's own database (--allow-existing-database): downs, clones and seeds never run there.</summary>
    public bool CreatedByDbGate { get; }

    /// <summary>Routes listed untrusted extensions through DbGate's privileged functions; null when none are listed.</summary>
    public ExtensionGateway? Extensions { get; private init; }

    private WorkDatabaseOptions Options { get; }

    public static async Task<WorkDatabase> CreateAsync(IPostgresServer server, WorkDatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var admin = await OpenAdminAsync(server.AdminConnectionString, cancellationToken);
        var version = admin.PostgreSqlVersion.Major * 10000 + Math.Max(0, admin.PostgreSqlVersion.Minor);
        var rights = await AdminRights.ReadAsync(admin, cancellationToken);
        if (options.Superuser && !rights.IsSuperuser)
            throw new Configuration.ConfigurationException($"postgres.superuser is true, but the connection's role {rights.UserName} is not a superuser");
        if (!rights.CanCreateDatabase)
            return await ExistingDatabase.OpenAsync(server, options, rights, version, cancellationToken);

        var name = $"dbgate_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        var role = options.Superuser || !rights.CanCreateRole ? null : await WorkRole.CreateAsync(admin, name, rights, cancellationToken);
        try
        {
            // template0, not template1: whatever someone installed in template1 is not the schema under test.
            // A cached migrated prefix (check --changed) is copied instead, its objects handed to this run's role.
            var strategy = options.Template is not null && version >= 150000 ? " STRATEGY = FILE_COPY" : "";
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {options.Template ?? "template0"}{Owner(role)}{strategy}", cancellationToken);
            if (options.Template is not null)
                await AdoptTemplateAsync(server.AdminConnectionString, name, options.Template, role, cancellationToken);
            var gateway = role is not null && options.Extensions.Count > 0 ? await InstallGatewayAsync(server.AdminConnectionString, name, role, options, cancellationToken) : null;
            var identity = options.Superuser ? RunIdentity.Superuser(rights.UserName)
                : role is not null ? RunIdentity.Least(role.Name)
                : RunIdentity.ConnectionRole(rights.UserName, ConnectionRoleCaveat(rights));
            return new WorkDatabase(server.AdminConnectionString, name, version, options, role, identity, createdByDbGate: true, ownsRole: true) { Extensions = gateway };
        }
        catch
        {
            await DropQuietlyAsync(admin, name, role, version, cancellationToken);
            throw;
        }
    }

    /// <summary>The connection's own database, which DbGate did not create and therefore never drops or clones.</summary>
    internal static WorkDatabase Existing(string adminConnectionString, string name, int version, WorkDatabaseOptions options, RunIdentity identity) =>
        new(adminConnectionString, name, version, options, null, identity, createdByDbGate: false, ownsRole: false);

    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(ConnectionString, cancellationToken);

    /// <summary>A copy of this database as it is now; every connection to it must be closed first.</summary>
    public async Task<WorkDatabase> CloneAsync(CancellationToken cancellationToken)
    {
        if (!CreatedByDbGate)
            throw new InvalidOperationException("DbGate clones only databases it created.");
        var clone = $"{Name}_c{Guid.NewGuid().ToString("N")[..6]}";
        // FILE_COPY copies the files instead of WAL-logging every page: much faster for small databases.
        var strategy = ServerVersion >= 150000 ? " STRATEGY = FILE_COPY" : "";
        await using var admin = await OpenAdminAsync(_adminConnectionString, cancellationToken);
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {clone} TEMPLATE {Name}{Owner(_role)}{strategy}", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
        {
            // DbGate holds no connection to it here: someone else's session (a monitoring agent, a person) blocks the copy.
            throw new ServerFaultException(
                $"could not copy the work database {Name} for a step that runs outside a transaction: another session is connected to it (SQLSTATE {e.SqlState}); keep other clients out of DbGate's databases", e);
        }
        return new WorkDatabase(_adminConnectionString, clone, ServerVersion, Options, _role, Identity, createdByDbGate: true, ownsRole: false) { Extensions = Extensions };
    }

    public async ValueTask DisposeAsync()
    {
        if (!CreatedByDbGate)
            return;
        // Teardown must run even when the run was cancelled, so it does not take the run's token.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            // A fresh connection, not a pooled one that a fault may have broken while it sat idle.
            var quick = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Timeout = ClientTimeouts.TeardownConnectSeconds, Pooling = false }.ConnectionString;
            await using var admin = await OpenAdminAsync(quick, timeout.Token);
            await DropQuietlyAsync(admin, Name, _ownsRole ? _role : null, ServerVersion, timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // The server is gone or going (its own teardown removes everything); nothing is left to drop.
        }
    }

    private static async Task DropQuietlyAsync(NpgsqlConnection admin, string name, WorkRole? role, int version, CancellationToken cancellationToken)
    {
        try
        {
            var force = version >= 130000 ? " WITH (FORCE)" : "";
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name}{force}", cancellationToken);
            if (role is not null)
                await role.DropAsync(admin, cancellationToken);
        }
        catch (PostgresException)
        {
            // Best effort: a role still owning something elsewhere is left for the server's owner to see.
        }
    }

    private static async Task<ExtensionGateway> InstallGatewayAsync(string adminConnectionString, string name, WorkRole role, WorkDatabaseOptions options, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false };
        await using var admin = await OpenAdminAsync(builder.ConnectionString, cancellationToken);
        return await ExtensionGateway.InstallAsync(admin, role.Name, options.Extensions, cancellationToken);
    }

    /// <summary>
    /// A database copied from a cached prefix belongs to the role that applied the prefix (named after its database):
    /// its objects go to this run's role, and the privileged schema, if any, is installed afresh.
    /// </summary>
    private static async Task AdoptTemplateAsync(string adminConnectionString, string name, string template, WorkRole? role, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false };
        await using var admin = await OpenAdminAsync(builder.ConnectionString, cancellationToken);
        await ExecuteAsync(admin, "DROP SCHEMA IF EXISTS dbgate_privileged CASCADE", cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", admin) { Parameters = { new() { Value = template } } };
        if (role is not null && await exists.ExecuteScalarAsync(cancellationToken) is not null)
            await ExecuteAsync(admin, $"REASSIGN OWNED BY {template} TO {role.Name}", cancellationToken);
    }

    private static string Owner(WorkRole? role) => role is null ? "" : $" OWNER {role.Name}";

    private static string ConnectionRoleCaveat(AdminRights rights) =>
        rights.ServerFileRoles.Count > 0
            ? $"it may not create roles; it is a member of {string.Join(", ", rights.ServerFileRoles)}, so migrations can reach the server's files or programs"
            : "it may not create roles, so DbGate could not create an unprivileged one";

    private async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await OpenAdminAsync(connectionString, cancellationToken);
        await ExecuteAsync(connection, $"SET statement_timeout = {(long)Options.StatementTimeout.TotalMilliseconds}", cancellationToken);
        return connection;
    }

    internal static async Task<NpgsqlConnection> OpenAdminAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
