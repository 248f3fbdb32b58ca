using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Observation;

/// <summary>What the server says about a statement: its NOTICEs, its command tag, and the settings it ran under.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SessionObservationTests(PostgresFixture server)
{
    [Fact]
    public async Task A_truncated_identifier_is_kept_as_the_notice_the_server_sent()
    {
        await using var db = await server.CreateDatabaseAsync();
        var name = "orders_" + new string('x', 70);

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, null, $"CREATE TABLE {name} (id int);");

        var notice = Assert.Single(observed.Statements[0].Notices);
        Assert.Equal(("NOTICE", "42622"), (notice.Severity, notice.SqlState));
        Assert.Contains("will be truncated to", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_and_its_rows_affected_come_from_the_command_tag()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, "CREATE TABLE t (id int);", """
            INSERT INTO t SELECT generate_series(1, 5);
            UPDATE t SET id = id + 1 WHERE id > 2;
            CREATE INDEX t_id_idx ON t (id);
            """);

        Assert.Equal(
            [("INSERT", 5L), ("UPDATE", 3L), ("CREATE INDEX", -1L)],
            observed.Statements.Select(s => (s.Command, s.RowsAffected)));
        Assert.All(observed.Statements, s => Assert.True(s.Duration >= TimeSpan.Zero));
    }

    [Fact]
    public async Task Lock_timeout_set_in_the_script_counts_from_the_next_statement_on()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, "CREATE TABLE t (id int);", """
            LOCK t IN SHARE MODE;
            SET lock_timeout = '2s';
            LOCK t IN EXCLUSIVE MODE;
            """);

        Assert.Equal(["0", "0", "2s"], observed.Statements.Select(s => s.Before.LockTimeout));
        Assert.Equal([false, false, true], observed.Statements.Select(s => s.Before.HasLockTimeout));
    }

    [Fact]
    public async Task Lock_timeout_set_on_the_role_or_the_connection_counts_as_in_effect()
    {
        var role = "observed_" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = await server.CreateDatabaseAsync())
        {
            await ExecuteAsync(server.AdminConnectionString, $"CREATE ROLE {role} LOGIN; ALTER ROLE {role} SET lock_timeout = '3s'; ALTER DATABASE {db.Name} OWNER TO {role}");
            await db.ExecuteAsync($"ALTER SCHEMA public OWNER TO {role}");
            var asRole = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role }.ConnectionString;
            var withOption = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Options = "-c lock_timeout=4s -c statement_timeout=1min" }.ConnectionString;

            var byRole = await ObservationHarness.RunAsync(asRole, "CREATE TABLE t (id int);", "LOCK t IN SHARE MODE;");
            var byConnection = await ObservationHarness.RunAsync(withOption, "CREATE TABLE u (id int);", "LOCK u IN SHARE MODE;");

            Assert.Equal("3s", byRole.Statements[0].Before.LockTimeout);
            Assert.Equal(("4s", "1min"), (byConnection.Statements[0].Before.LockTimeout, byConnection.Statements[0].Before.StatementTimeout));
        }
        await ExecuteAsync(server.AdminConnectionString, $"DROP ROLE {role}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ObservationHarness.ExecuteAsync(connection, sql);
    }
}
