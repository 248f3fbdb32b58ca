using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

/// <summary>What the snapshot deliberately leaves out.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ScopeTests(PostgresFixture fixture)
{
    [Fact]
    public async Task An_extension_is_recorded_by_name_and_version_only()
    {
        // Given a database; When extensions that bring functions, types, operators and casts are created
        var differences = await fixture.DifferencesAsync(
            given: "",
            when: "CREATE EXTENSION pgcrypto; CREATE EXTENSION citext SCHEMA app; CREATE EXTENSION ltree;");

        // Then only the extensions themselves are new
        Assert.Equal(
            ["extension citext was left behind", "extension ltree was left behind", "extension pgcrypto was left behind"],
            differences);
    }

    [Fact]
    public async Task An_extension_records_its_version()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE EXTENSION pgcrypto;");

        var snapshot = await database.SnapshotAsync();

        var pgcrypto = Assert.Single(snapshot.Extensions, e => e.Name == "pgcrypto");
        Assert.False(string.IsNullOrEmpty(pgcrypto.Version));
        Assert.DoesNotContain(snapshot.Routines, r => r.Name == "crypt");
    }

    [Fact]
    public async Task Migration_history_tables_and_what_hangs_off_them_are_ignored()
    {
        var differences = await fixture.DifferencesAsync(
            given: "",
            when: """
                CREATE TABLE public.__diesel_schema_migrations (version varchar(50) PRIMARY KEY, run_on timestamp NOT NULL DEFAULT now());
                CREATE TABLE app.schema_migrations (version bigint NOT NULL, dirty boolean NOT NULL);
                CREATE UNIQUE INDEX schema_migrations_version ON app.schema_migrations (version);
                CREATE TABLE public.flyway_schema_history (installed_rank serial PRIMARY KEY, success boolean NOT NULL);
                CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history (success);
                CREATE TABLE public."__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY);
                CREATE TABLE public.databasechangelog (id varchar(255) NOT NULL);
                CREATE TABLE public.databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL);
                CREATE TABLE public.atlas_schema_revisions (version varchar PRIMARY KEY);
                CREATE TABLE public.schemaversions (schemaversionsid serial PRIMARY KEY, scriptname varchar(255) NOT NULL);
                """);

        Assert.Empty(differences);
    }

    [Fact]
    public async Task Sequence_values_are_data_not_schema()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.t (id serial PRIMARY KEY, n int);",
            when: "INSERT INTO app.t (n) SELECT generate_series(1, 100); ANALYZE app.t;");

        Assert.Empty(differences);
    }

    [Fact]
    public async Task Privileges_are_recorded_only_when_asked_for()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE public.t (a int);");

        var plain = await database.SnapshotAsync();
        var withPrivileges = await database.SnapshotAsync(new SnapshotOptions { IncludePrivileges = true });

        Assert.Null(Assert.Single(plain.Tables).Privileges);
        Assert.NotNull(Assert.Single(withPrivileges.Tables).Privileges);
        Assert.NotEqual(plain, withPrivileges);
    }
}
