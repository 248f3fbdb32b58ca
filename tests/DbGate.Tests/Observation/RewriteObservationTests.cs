using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Observation;

/// <summary>A rewrite is a new relfilenode of a pre-existing table, index or TOAST table: observed, never guessed.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class RewriteObservationTests(PostgresFixture server)
{
    private const string Setup = """
        CREATE TABLE t (id int PRIMARY KEY, code varchar(50), seen timestamp, body text);
        CREATE INDEX t_seen_idx ON t (seen);
        """;

    [Fact]
    public async Task Int_to_bigint_rewrites_the_table_and_its_other_indexes_and_rebuilds_the_key_from_scratch()
    {
        var observed = await RunAsync("ALTER TABLE t ALTER COLUMN id TYPE bigint;");

        var statement = observed.Statements[0];
        Assert.Equal(["public.t table", "public.t_seen_idx index"], statement.Rewrites.Select(r => $"{r.Name} {r.What}"));
        Assert.All(statement.Rewrites, r => Assert.Equal("public.t", r.Table.Name));
        Assert.All(statement.Rewrites, r => Assert.NotEqual(r.FileNodeBefore, r.FileNodeAfter));
        // The index on the retyped column is dropped and built again under a new oid: no rewrite of a relation, but
        // a build all the same. A rewritten relation counts as altered.
        Assert.Equal(
            ["Dropped index public.t_pkey", "Altered index public.t_seen_idx", "Created index public.t_pkey"],
            statement.Changes.Where(c => c.Target.Kind == Core.Snapshots.SchemaObjectKind.Index).Names());
    }

    [Fact]
    public async Task Varchar_50_to_varchar_100_rewrites_nothing()
    {
        var observed = await RunAsync("ALTER TABLE t ALTER COLUMN code TYPE varchar(100);");

        Assert.Empty(observed.Statements[0].Rewrites);
        var column = Assert.Single(observed.Statements[0].Changes, c => c.Target.Name == "public.t.code");
        Assert.Equal(("character varying(50)", "character varying(100)"), (column.Before?.Type, column.After?.Type));
    }

    [Fact]
    public async Task Timestamp_to_timestamptz_rewrites_no_table_under_TimeZone_UTC()
    {
        var observed = await RunAsync("""
            SET TimeZone = 'UTC';
            ALTER TABLE t ALTER COLUMN seen TYPE timestamptz;
            """);

        var alter = observed.Of("ALTER TABLE");
        Assert.Equal("UTC", alter.Before.TimeZone);
        Assert.DoesNotContain(alter.Rewrites, r => r.What == "table");
    }

    [Fact]
    public async Task Timestamp_to_timestamptz_rewrites_the_table_under_another_TimeZone_and_says_which()
    {
        var observed = await RunAsync("""
            SET TimeZone = 'Europe/Paris';
            ALTER TABLE t ALTER COLUMN seen TYPE timestamptz;
            """);

        var alter = observed.Of("ALTER TABLE");
        Assert.Equal("Europe/Paris", alter.Before.TimeZone);
        Assert.Contains(alter.Rewrites, r => r is { Name: "public.t", What: "table" });
    }

    [Fact]
    public async Task Vacuum_full_outside_a_transaction_is_seen_as_a_rewrite()
    {
        var observed = await RunAsync("VACUUM FULL t;", inTransaction: false);

        var vacuum = observed.Statements[0];
        Assert.False(vacuum.InTransaction);
        Assert.True(vacuum.LocksPolled);
        Assert.Contains(vacuum.Rewrites, r => r is { Name: "public.t", What: "table" });
    }

    // The causes of a rewrite issue 17 names (VACUUM FULL and a type change above); each is seen as a new relfilenode.
    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN r double precision DEFAULT random();")]
    [InlineData("ALTER TABLE t ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;")]
    [InlineData("ALTER TABLE t ADD COLUMN s serial;")]
    [InlineData("ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (id * 2) STORED;")]
    [InlineData("ALTER TABLE t SET UNLOGGED;")]
    [InlineData("CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler; ALTER TABLE t SET ACCESS METHOD heap2;")]
    [InlineData("CLUSTER t USING t_seen_idx;")]
    public async Task Each_kind_of_table_rewrite_is_seen_as_a_new_relfilenode_of_the_table(string script)
    {
        var observed = await RunAsync(script);

        Assert.Contains(observed.Statements[^1].Rewrites, r => r is { Name: "public.t", What: "table" });
    }

    [Fact]
    public async Task A_table_the_script_created_is_no_rewrite_of_anything()
    {
        var observed = await RunAsync("""
            CREATE TABLE fresh (id int);
            ALTER TABLE fresh ALTER COLUMN id TYPE bigint;
            """);

        Assert.All(observed.Statements, s => Assert.Empty(s.Rewrites));
    }

    // Found by Ed-Fi's DbUp scripts (tests/fixtures/real/dbup): their ALTER COLUMN "Id" RESTART WITH was a DBG102 error.
    [Fact]
    public async Task Restarting_an_identity_or_a_sequence_gives_the_sequence_a_new_file_but_rewrites_nothing()
    {
        await using var db = await server.CreateDatabaseAsync();
        var observed = await ObservationHarness.RunAsync(
            db.ConnectionString,
            "CREATE TABLE s (id int GENERATED ALWAYS AS IDENTITY, n int); INSERT INTO s (n) VALUES (1); CREATE SEQUENCE q;",
            "ALTER TABLE s ALTER COLUMN id RESTART WITH 10;\nALTER SEQUENCE q RESTART;\nSELECT setval('q', 5);\n");

        Assert.False(observed.Run.Failed, observed.Run.Failure?.Message);
        Assert.Equal(3, observed.Statements.Count);
        Assert.All(observed.Statements, s => Assert.Empty(s.Rewrites));
    }

    private async Task<ObservedScript> RunAsync(string script, bool inTransaction = true)
    {
        await using var db = await server.CreateDatabaseAsync();
        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, script, inTransaction);
        Assert.False(observed.Run.Failed, observed.Run.Failure?.Message);
        return observed;
    }
}
