using DbGate.Core.Seeding;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Seeding;

/// <summary>
/// Big tables are loaded the fast way (indexes dropped and rebuilt, foreign keys checked once, rows frozen), and the
/// schema still ends exactly as it began; what cannot be rebuilt unchanged is left in place.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class BulkLoadTests(PostgresFixture fixture)
{
    private const string Schema = """
        CREATE TABLE accounts (
            id bigint PRIMARY KEY,
            email text NOT NULL,
            handle varchar(40) NOT NULL,
            region int NOT NULL CHECK (region BETWEEN 1 AND 50),
            created_at timestamptz NOT NULL,
            CONSTRAINT accounts_handle_key UNIQUE (handle) DEFERRABLE INITIALLY IMMEDIATE
        );
        COMMENT ON CONSTRAINT accounts_handle_key ON accounts IS 'handles are unique';
        CREATE UNIQUE INDEX accounts_email_lower ON accounts (lower(email));
        COMMENT ON INDEX accounts_email_lower IS 'emails are case-insensitive';
        CREATE INDEX accounts_region_created ON accounts (region, created_at DESC) WITH (fillfactor = 70);
        CREATE INDEX accounts_recent ON accounts (created_at) WHERE region = 1;
        CREATE INDEX accounts_by_region ON accounts (region);
        CLUSTER accounts USING accounts_by_region;
        CREATE TABLE events (
            id bigint PRIMARY KEY,
            account_id bigint NOT NULL REFERENCES accounts,
            kind text NOT NULL CHECK (kind IN ('login', 'logout'))
        );
        COMMENT ON CONSTRAINT events_pkey ON events IS 'one row per event';
        CREATE TABLE notes (id int PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts);
        """;

    private const string IndexOids = "SELECT relname::text || '=' || oid::text FROM pg_class WHERE relkind = 'i' AND relnamespace = 'public'::regnamespace ORDER BY 1";

    [Fact]
    public async Task Indexes_of_big_tables_are_rebuilt_unchanged_and_those_something_needs_stay()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync(Schema);
        await using var connection = await database.OpenAsync();
        var before = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        var oidsBefore = await database.ColumnAsync<string>(IndexOids);

        var result = await Seeder.SeedAsync(connection, new SeedOptions().Rows(("accounts", 12_000), ("events", 12_000), ("notes", 50)), CancellationToken.None);

        Assert.Equal(24_050, result.GeneratedRows);
        Assert.Equal(before, await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None));
        var kept = oidsBefore.Intersect(await database.ColumnAsync<string>(IndexOids)).Select(o => o.Split('=')[0]).Order(StringComparer.Ordinal);
        // notes is small, so its foreign key stays and needs accounts_pkey; CLUSTER's index keeps its mark only in place.
        Assert.Equal(["accounts_by_region", "accounts_pkey", "notes_pkey"], kept);
        Assert.Equal("one row per event", await database.ScalarAsync<string>("SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'events_pkey'"));
        Assert.Equal(12_000L, await database.ScalarAsync<long>("SELECT count(DISTINCT lower(email)) FROM accounts"));
    }

    [Fact]
    public async Task A_big_table_nothing_else_references_is_loaded_frozen_so_index_only_scans_need_no_vacuum()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync(Schema);

        await database.SeedAsync(new SeedOptions().Rows(("accounts", 12_000), ("events", 12_000), ("notes", 50)));

        // ANALYZE copies the visibility map's count into relallvisible: every page of events, none of accounts
        // (notes' foreign key, kept because notes is small, forbids the TRUNCATE that FREEZE needs).
        Assert.True(await database.ScalarAsync<bool>("SELECT relpages > 0 AND relallvisible = relpages FROM pg_class WHERE oid = 'events'::regclass"));
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT relallvisible FROM pg_class WHERE oid = 'accounts'::regclass"));
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("SET enable_seqscan = off; EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(id) FROM events WHERE id < 5000", connection);
        var plan = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("\"Heap Fetches\": 0", plan, StringComparison.Ordinal);
    }
}
