using DbGate.Core.Migrations;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Snapshots;

namespace DbGate.Tests.Formats;

/// <summary>Each format leaves out of the schema comparison its own tool's history and nothing else.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class HistoryScopeTests(PostgresFixture server)
{
    private const string Up = "DROP TABLE IF EXISTS schema_migrations;";
    private const string Down = "CREATE TABLE IF NOT EXISTS schema_migrations (id serial PRIMARY KEY, version int8 NOT NULL UNIQUE);";

    [Fact]
    public async Task In_a_diesel_project_a_down_that_creates_schema_migrations_leaves_a_table_behind_as_on_crates_io()
    {
        using var folder = new TempFolder();
        folder.Write("20170502181306_drop_schema_migrations/up.sql", Up);
        folder.Write("20170502181306_drop_schema_migrations/down.sql", Down);

        var result = await GateHarness.RunAsync(server, folder.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DBG003", finding.RuleId);
        Assert.Contains("table public.schema_migrations was left behind", string.Join(' ', [finding.Message, .. finding.Details]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_diesel_project_the_data_check_sees_the_rows_a_down_loses_from_a_table_called_schema_migrations()
    {
        using var folder = new TempFolder();
        folder.Write("2024-01-01-000000_create_schema_migrations/up.sql", "CREATE TABLE schema_migrations (id int PRIMARY KEY, name text NOT NULL);");
        folder.Write("2024-01-01-000000_create_schema_migrations/down.sql", "DROP TABLE schema_migrations;");
        folder.Write("2024-01-02-000000_rebuild/up.sql", "ALTER TABLE schema_migrations ADD COLUMN note text;");
        folder.Write("2024-01-02-000000_rebuild/down.sql", "DROP TABLE schema_migrations; CREATE TABLE schema_migrations (id int PRIMARY KEY, name text NOT NULL);");

        var result = await GateHarness.RunAsync(server, folder.Path, o => o with { CheckData = true });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DBG007", "2024-01-02-000000_rebuild"), (finding.RuleId, finding.Migration));
        Assert.Contains("table public.schema_migrations", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_golang_migrate_project_schema_migrations_is_the_tools_own_and_left_out()
    {
        using var folder = new TempFolder();
        folder.Write("1_drop_schema_migrations.up.sql", Up);
        folder.Write("1_drop_schema_migrations.down.sql", Down);

        var result = await GateHarness.RunAsync(server, folder.Path);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task A_history_schema_is_left_out_with_everything_in_it_and_other_schemas_are_not()
    {
        await using var database = await server.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA sqitch; CREATE TABLE sqitch.changes (id text PRIMARY KEY); CREATE SCHEMA app; CREATE TABLE app.t (id int);");

        var options = SnapshotOptions.Default.For(HistoryScope.OfSchema("sqitch"));
        var snapshot = await database.SnapshotAsync(options);

        Assert.DoesNotContain(snapshot.Schemas, s => s.Name == "sqitch");
        Assert.DoesNotContain(snapshot.Tables, t => t.Schema == "sqitch");
        Assert.Contains(snapshot.Tables, t => t.Schema == "app" && t.Name == "t");
    }
}
