using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Providers.Local;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Safety;

/// <summary>DbGate never harms a database it did not create: it works in its own, and in someone else's only by leave, ups only.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ForeignDatabaseTests(PostgresFixture server)
{
    [Fact]
    public async Task Without_CREATEDB_a_database_holding_objects_is_refused_with_one_line_naming_them()
    {
        await using var app = await AppDatabase.CreateAsync(server, "CREATE TABLE legacy (id int)");
        using var project = Project();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => RunAsync(app.ConnectionString, project.Path));

        Assert.Contains($"role {app.Role} may not create databases, and database {app.Name} holds objects DbGate did not create (table public.legacy)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-existing-database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task With_leave_DbGate_applies_the_ups_in_the_existing_database_and_never_its_downs()
    {
        await using var app = await AppDatabase.CreateAsync(server, "CREATE TABLE legacy (id int); INSERT INTO legacy VALUES (1)");
        using var project = Project();

        var result = await RunAsync(app.ConnectionString, project.Path, o => o with { AllowExistingDatabase = true });

        Assert.DoesNotContain(result.Findings, f => f.Subject is null);
        // The schema checks see the whole database; what was there before the first migration has no origin to point at.
        Assert.All(result.Findings, f => Assert.Equal(("table public.legacy", null), (f.Subject, f.Location)));
        Assert.All(result.Steps.Where(s => s.Phase != Phase.Up), s => Assert.Equal("downs never run in a database DbGate did not create", s.Reason));
        Assert.Equal("1", await app.ScalarAsync("SELECT count(*) FROM legacy"));
        Assert.Equal("orders", await app.ScalarAsync("SELECT string_agg(relname, ',') FROM pg_class WHERE relname = 'orders'"));
        Assert.True(result.Privileged);
        Assert.Contains($"works in the existing database {app.Name} and applies ups only", result.RunAs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_refuses_with_exit_2_and_runs_with_allow_existing_database()
    {
        await using var app = await AppDatabase.CreateAsync(server, "CREATE TABLE legacy (id int)");
        using var project = Project();

        var (refused, _, error) = await CliProcess.RunAsync("check", project.Path, "--connection", app.ConnectionString);
        var (allowed, output, _) = await CliProcess.RunAsync("check", project.Path, "--connection", app.ConnectionString, "--allow-existing-database");

        Assert.Equal(2, refused);
        Assert.StartsWith($"dbgate: role {app.Role} may not create databases", error.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(0, allowed);
        Assert.Contains("applies ups only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_CREATEDB_an_empty_database_is_used_for_ups_only()
    {
        await using var app = await AppDatabase.CreateAsync(server, null);
        using var project = Project();

        var result = await RunAsync(app.ConnectionString, project.Path);

        Assert.Equal([Outcome.Passed, Outcome.Skipped, Outcome.Skipped], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task A_role_that_may_create_databases_but_not_roles_runs_the_migrations_itself_and_every_report_says_so()
    {
        var role = "creator_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.AdminConnectionString, $"CREATE ROLE {role} LOGIN CREATEDB");
        using var project = Project();

        var result = await RunAsync(new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Username = role }.ConnectionString, project.Path);

        Assert.Empty(result.Findings);
        Assert.True(result.Privileged);
        Assert.StartsWith($"Migrations ran as the connection's role {role}, not a superuser, because it may not create roles", result.RunAs, StringComparison.Ordinal);
        await ExecuteAsync(server.AdminConnectionString, $"DROP ROLE {role}");
    }

    [Fact]
    public async Task The_work_database_starts_empty_even_when_template1_holds_objects()
    {
        // A server of its own: polluting the shared server's template1 would leak into every other test's database.
        await using var own = await new LocalPostgresProvider().StartAsync(CancellationToken.None);
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(own.AdminConnectionString) { Database = "template1" }.ConnectionString, "CREATE TABLE orders (stray int)");
        using var project = Project();

        var result = await RunAsync(own.AdminConnectionString, project.Path);

        Assert.Empty(result.Findings);
    }

    private static Task<GateResult> RunAsync(string connection, string migrations, Func<GateOptions, GateOptions>? adjust = null)
    {
        // These tests are about where DbGate works, not what the lint says of the down's DROP TABLE.
        var options = new GateOptions(RepoPaths.SolutionDirectory, migrations, Provider: "external", Connection: connection) { Lint = new(false) };
        return GateRunner.RunAsync(adjust?.Invoke(options) ?? options, log: null, CancellationToken.None);
    }

    private static TempFolder Project()
    {
        var folder = new TempFolder();
        folder.Write("0001_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY)");
        folder.Write("0001_orders.down.sql", "DROP TABLE orders");
        return folder;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database owned by a role that may not create databases: a managed server's application account.</summary>
    private sealed class AppDatabase(string admin, string name, string role) : IAsyncDisposable
    {
        public string Name { get; } = name;

        public string Role { get; } = role;

        public string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = Name, Username = Role, Pooling = false }.ConnectionString;

        public static async Task<AppDatabase> CreateAsync(PostgresFixture server, string? setup)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var app = new AppDatabase(server.AdminConnectionString, "app_" + suffix, "app_user_" + suffix);
            await ExecuteAsync(server.AdminConnectionString, $"CREATE ROLE {app.Role} LOGIN NOCREATEDB NOCREATEROLE");
            await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE {app.Name} OWNER {app.Role}");
            if (setup is not null)
                await ExecuteAsync(app.ConnectionString, setup);
            return app;
        }

        public async Task<string> ScalarAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (await command.ExecuteScalarAsync())?.ToString() ?? "";
        }

        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS {Role}");
        }
    }
}
