using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Snapshots;

/// <summary>The gate snapshots mid-transaction, between a migration's statements: the session must not notice.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SessionTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_snapshot_inside_an_open_transaction_sees_uncommitted_ddl()
    {
        // Given an open transaction that has created a table
        await using var database = await fixture.CreateDatabaseAsync();
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "CREATE TABLE public.pending (id int);");

        // When a snapshot is read on that connection
        var inside = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        await transaction.RollbackAsync();
        var after = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // Then it contains the table, which is gone after the rollback
        Assert.Contains(inside.Tables, t => t.Name == "pending");
        Assert.DoesNotContain(after.Tables, t => t.Name == "pending");
    }

    [Fact]
    public async Task The_callers_search_path_is_untouched_inside_and_outside_a_transaction()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var connection = await database.OpenAsync();
        await ExecuteAsync(connection, "CREATE SCHEMA app; SET search_path = app, public;");

        // Outside a transaction
        await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        Assert.Equal("app, public", await SearchPathAsync(connection));

        // Inside one, after a SET LOCAL, and once the transaction has ended
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, "SET LOCAL search_path = public;");
            await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
            Assert.Equal("public", await SearchPathAsync(connection));
            await ExecuteAsync(connection, "CREATE TABLE still_resolves_unqualified (id int);");
            await transaction.CommitAsync();
        }
        Assert.Equal("app, public", await SearchPathAsync(connection));

        // And a session-level SET made in the transaction survives its commit as it would without a snapshot
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, "SET search_path = app;");
            await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
            await transaction.CommitAsync();
        }
        Assert.Equal("app", await SearchPathAsync(connection));
    }

    [Fact]
    public async Task The_snapshot_does_not_depend_on_the_callers_search_path()
    {
        // Given objects whose printed definitions would drop "app." if app were on the search_path
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("""
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('sad', 'happy');
            CREATE TABLE app.t (id serial PRIMARY KEY, m app.mood DEFAULT 'sad');
            CREATE VIEW app.v AS SELECT id, m FROM app.t;
            CREATE FUNCTION app.f(m app.mood) RETURNS app.mood LANGUAGE sql RETURN m;
            """);
        await using var connection = await database.OpenAsync();

        // When read under two different search paths
        var underDefault = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        await ExecuteAsync(connection, "SET search_path = app, public;");
        var underApp = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // Then they are equal
        Assert.Empty(SchemaDiff.Compare(underDefault, underApp));
        Assert.Equal("app.mood", Assert.Single(underApp.Tables).Columns[1].Type);
    }

    [Fact]
    public async Task A_connection_can_snapshot_repeatedly_across_schema_changes()
    {
        // Given one connection, as the gate uses for a whole run, whose prepared snapshot statement is reused
        await using var database = await fixture.CreateDatabaseAsync();
        await using var connection = await database.OpenAsync();
        var before = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // When the schema changes between reads
        await ExecuteAsync(connection, "CREATE TABLE public.t (id int);");
        var after = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        await ExecuteAsync(connection, "DROP TABLE public.t;");
        var again = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // Then every read reflects the schema of its moment
        Assert.Equal(["table public.t was left behind"], SchemaDiff.Compare(before, after).Select(d => d.Description));
        Assert.Equal(before, again);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> SearchPathAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SHOW search_path", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
