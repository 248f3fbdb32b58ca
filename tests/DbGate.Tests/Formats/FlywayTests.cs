using DbGate.Core.Configuration;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>Flyway's rules read from files alone: version order, undo pairing, placeholders, locations and transactions.</summary>
public sealed class FlywayTests
{
    [Fact]
    public void Versions_compare_part_by_part_as_numbers_with_dots_and_underscores_alike()
    {
        using var folder = new TempFolder();
        foreach (var version in new[] { "1_10", "1.9", "2", "1.2.3", "010" })
            folder.Write($"V{version}__step.sql", "SELECT 1;");

        var migrations = Open(folder).Migrations;

        Assert.Equal(["1.2.3", "1.9", "1.10", "2", "10"], migrations.Select(m => m.Version));
    }

    [Fact]
    public void One_point_zero_and_one_are_the_same_version_and_rejected_together()
    {
        using var folder = new TempFolder();
        folder.Write("V1__a.sql", "SELECT 1;");
        folder.Write("V1.0__b.sql", "SELECT 1;");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.StartsWith("version 1 is used by more than one migration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undo_without_its_versioned_script_is_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("V1__a.sql", "SELECT 1;");
        folder.Write("U2__b.sql", "SELECT 1;");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.Equal("U2__b.sql undoes version 2, which has no V script", error.Message);
    }

    [Fact]
    public void Placeholders_come_from_flyway_toml_and_dbgate_yml_wins_and_a_missing_one_is_an_error_at_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("flyway.toml", "[flyway]\nlocations = [\"filesystem:db\"]\n[flyway.placeholders]\nowner = \"toml\"\nschema = \"app\"\n");
        folder.Write("db/V1__a.sql", "-- ${flyway:filename}\nCREATE TABLE ${schema}.t (owner text DEFAULT '${owner}');");

        var script = Open(folder, new Dictionary<string, string> { ["owner"] = "yml" }).Migrations[0].Up.Text;
        folder.Write("db/V2__b.sql", "SELECT 1;\nSELECT '${nobody}';");
        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.Equal("-- V1__a.sql\nCREATE TABLE app.t (owner text DEFAULT 'yml');", script);
        Assert.Equal("db/V2__b.sql:2: no value for placeholder ${nobody}; set it under placeholders: in dbgate.yml or in the Flyway configuration", error.Message);
    }

    [Fact]
    public void Flyway_conf_locations_are_honoured_and_the_history_table_is_the_one_it_names()
    {
        using var folder = new TempFolder();
        folder.Write("flyway.conf", "flyway.locations=filesystem:one,filesystem:two\nflyway.table=schema_history\n");
        folder.Write("one/V1__a.sql", "SELECT 1;");
        folder.Write("two/V2__b.sql", "SELECT 1;");
        folder.Write("ignored/V3__c.sql", "SELECT 1;");

        var set = Open(folder);

        Assert.Equal(["V1__a", "V2__b"], set.Migrations.Select(m => m.Id));
        Assert.Equal(["schema_history"], set.History.Tables);
    }

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (a);\nVACUUM t;", "", false)]
    [InlineData("CREATE TABLE u (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);", "", true)]
    [InlineData("CREATE TABLE u (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);", "flyway.mixed=true\n", false)]
    [InlineData("CREATE TABLE u (a int);", "", true)]
    public void A_migration_runs_outside_a_transaction_when_flyways_parser_says_its_statements_refuse_one(string sql, string conf, bool inTransaction)
    {
        using var folder = new TempFolder();
        folder.Write("flyway.conf", "flyway.locations=filesystem:sql\n" + conf);
        folder.Write("sql/V1__a.sql", sql);

        Assert.Equal(inTransaction, Open(folder).Migrations[0].RunInTransaction);
    }

    [Fact]
    public void A_script_config_file_saying_execute_in_transaction_false_wins()
    {
        using var folder = new TempFolder();
        folder.Write("V1__a.sql", "CREATE TABLE u (a int);");
        folder.Write("V1__a.sql.conf", "executeInTransaction=false\n");

        Assert.False(Open(folder).Migrations[0].RunInTransaction);
    }

    [Fact]
    public void Evolve_runs_a_script_whose_first_line_says_evolve_tx_off_outside_a_transaction_and_reruns_repeat_always_every_time()
    {
        using var folder = new TempFolder();
        folder.Write("V1__a.sql", "CREATE TABLE u (a int);\n-- evolve-tx-off (not the first line: ignored)\n");
        folder.Write("R__Vacuum.sql", "-- evolve-tx-off\nVACUUM;\n");
        folder.Write("R__View.sql", "-- Evolve-Repeat-Always\nCREATE OR REPLACE VIEW v AS SELECT 1;\n");
        folder.Write("V2__b.sql", "-- evolve-tx-off\nCREATE INDEX CONCURRENTLY i ON u (a);\n");

        var evolve = MigrationDiscovery.Open(folder.Path, folder.Path, "evolve", FormatOptions.Default).Migrations;

        Assert.Equal(
            [("V1__a", true, Rerun.Never), ("V2__b", false, Rerun.Never), ("R__Vacuum", false, Rerun.WhenChanged), ("R__View", true, Rerun.Always)],
            evolve.Select(m => (m.Id, m.RunInTransaction, m.Reruns)));
        // Flyway reads no such comment: its own parser decides (VACUUM and CONCURRENTLY refuse a transaction).
        Assert.Equal([true, false, false, true], Open(folder).Migrations.Select(m => m.RunInTransaction));
    }

    private static MigrationSet Open(TempFolder folder, Dictionary<string, string>? placeholders = null) =>
        MigrationDiscovery.Open(folder.Path, folder.Path, "flyway", new FormatOptions(placeholders ?? []));
}
