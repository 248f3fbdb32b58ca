using DbGate.Core.Seeding;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Seeding;

/// <summary>Seeding runs as the role the migrations ran as: no superuser, and the schema ends as it began.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PrivilegeTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_role_owning_the_schema_seeds_large_tables_and_the_schema_is_unchanged_afterwards()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var role = await Role.CreateAsync(fixture, database, "ALTER DATABASE {database} OWNER TO {role}");
        await using var connection = await role.OpenAsync(database);
        await ExecuteAsync(connection, Schemas.Shop + "COMMENT ON CONSTRAINT orders_customer_id_fkey ON orders IS 'every order has a customer';");
        var before = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // 20 000 orders: enough for their foreign keys to be checked once after loading rather than row by row.
        var result = await Seeder.SeedAsync(connection, new SeedOptions().Rows(("customers", 2000), ("orders", 20_000), ("order_items", 20_000)), CancellationToken.None);

        Assert.Equal(42_000, result.GeneratedRows);
        Assert.Equal(before, await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None));
        Assert.False(await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.True(await ScalarAsync<bool>(connection, "SELECT count(*) > 0 FROM pg_stats WHERE tablename = 'orders'"));
    }

    [Fact]
    public async Task A_role_that_may_only_insert_defers_a_deferrable_not_null_cycle()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("""
            CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
            CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a DEFERRABLE);
            ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b DEFERRABLE;
            """);
        await using var role = await Role.CreateAsync(fixture, database, "GRANT SELECT, INSERT ON a, b TO {role}");
        await using var connection = await role.OpenAsync(database);

        await Seeder.SeedAsync(connection, new SeedOptions { Analyze = false }.Rows(("a", 50), ("b", 50)), CancellationToken.None);

        Assert.Equal(50L, await ScalarAsync<long>(connection, "SELECT count(*) FROM a JOIN b ON b.id = a.b_id"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A login role of its own for one test, dropped afterwards with the database it was given rights in.</summary>
    private sealed class Role(PostgresFixture fixture, TestDatabase database, string name) : IAsyncDisposable
    {
        public static async Task<Role> CreateAsync(PostgresFixture fixture, TestDatabase database, string grant)
        {
            var role = new Role(fixture, database, "seeder_" + Guid.NewGuid().ToString("N")[..10]);
            await using var admin = new NpgsqlConnection(fixture.AdminConnectionString);
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE ROLE {role.Name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            await using var inDatabase = await database.OpenAsync();
            await ExecuteAsync(inDatabase, grant.Replace("{role}", role.Name, StringComparison.Ordinal).Replace("{database}", database.Name, StringComparison.Ordinal));
            return role;
        }

        public string Name { get; } = name;

        public async Task<NpgsqlConnection> OpenAsync(TestDatabase database)
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = Name, Password = null }.ConnectionString);
            await connection.OpenAsync();
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            // What the role owns or may do lives in that database: dropping it first frees the role.
            await database.DisposeAsync();
            await using var admin = new NpgsqlConnection(fixture.AdminConnectionString);
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS {Name}");
        }
    }
}
