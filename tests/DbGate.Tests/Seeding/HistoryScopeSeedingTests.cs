using DbGate.Core.Migrations;
using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

[Collection(PostgresServerGroup.Name)]
public sealed class HistoryScopeSeedingTests(PostgresFixture fixture)
{
    // A command-mode tool such as sqitch keeps its registry in a schema of its own, with keys between its tables:
    // generated rows there would be nonsense the tool's next run trips over, and were made before this was scoped.
    private const string Schema = """
        CREATE SCHEMA registry;
        CREATE TABLE registry.changes (change_id text PRIMARY KEY, committed_at timestamptz NOT NULL);
        CREATE TABLE registry.tags (tag_id text PRIMARY KEY, change_id text NOT NULL REFERENCES registry.changes);
        CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
        """;

    [Fact]
    public async Task A_history_schema_of_the_tool_is_never_seeded_while_the_projects_tables_are()
    {
        var (database, result) = await fixture.SeedAsync(Schema, new SeedOptions { DefaultRows = 20, History = HistoryScope.OfSchema("registry") });
        await using var _ = database;

        Assert.Equal(["public.orders"], result.Tables.Select(t => $"{t.Schema}.{t.Name}"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT (SELECT count(*) FROM registry.changes) + (SELECT count(*) FROM registry.tags)"));
        Assert.Equal(20L, await database.ScalarAsync<long>("SELECT count(*) FROM public.orders"));
    }

    [Fact]
    public async Task Without_the_history_scope_the_same_schema_is_seeded_everywhere()
    {
        var (database, result) = await fixture.SeedAsync(Schema, new SeedOptions { DefaultRows = 20 });
        await using var _ = database;

        Assert.Equal(3, result.Tables.Count);
        Assert.Equal(20L, await database.ScalarAsync<long>("SELECT count(*) FROM registry.tags"));
    }
}
