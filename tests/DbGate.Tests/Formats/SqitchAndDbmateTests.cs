using DbGate.Core.Configuration;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>sqitch's plan (dependencies, reworked changes) and dbmate's sections, read from files alone.</summary>
public sealed class SqitchAndDbmateTests
{
    private const string Plan = "%syntax-version=1.0.0\n%project=p\n\n";

    [Fact]
    public void A_sqitch_change_requiring_one_planned_after_it_is_rejected_as_sqitch_would()
    {
        using var folder = new TempFolder();
        folder.Write("sqitch.plan", Plan + "users [schema] 2024-01-01T00:00:00Z a <a@example.com>\nschema 2024-01-01T00:00:01Z a <a@example.com>\n");
        folder.Write("deploy/users.sql", "SELECT 1;");
        folder.Write("deploy/schema.sql", "SELECT 1;");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder, "sqitch"));

        Assert.Equal("sqitch.plan:4: change users requires schema, which is not planned before it", error.Message);
    }

    [Fact]
    public void A_reworked_sqitch_change_runs_its_tagged_scripts_first_and_its_new_ones_after_the_tag()
    {
        using var folder = new TempFolder();
        folder.Write("sqitch.plan", Plan + "f 2024-01-01T00:00:00Z a <a@example.com>\n@v1 2024-01-02T00:00:00Z a <a@example.com>\nf [f@v1] 2024-01-03T00:00:00Z a <a@example.com>\n");
        folder.Write("deploy/f@v1.sql", "SELECT 1;");
        folder.Write("revert/f@v1.sql", "SELECT 1;");
        folder.Write("deploy/f.sql", "SELECT 2;");
        folder.Write("revert/f.sql", "SELECT 2;");

        var migrations = Open(folder, "sqitch").Migrations;

        Assert.Equal(["f@v1", "f"], migrations.Select(m => m.Id));
        Assert.Equal(["deploy/f@v1.sql", "deploy/f.sql"], migrations.Select(m => m.Up.RelativePath));
    }

    [Fact]
    public void A_dbmate_section_marked_transaction_false_is_sent_as_one_query_and_the_others_run_in_a_transaction()
    {
        using var folder = new TempFolder();
        folder.Write("20240101000000_a.sql", "-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");

        var migration = Open(folder, "dbmate").Migrations[0];

        Assert.Equal((true, true), (migration.RunInTransaction, migration.OneStatementRunsAlone));
        Assert.Equal((true, false), migration.Down!.Transaction);
        Assert.Equal("SELECT 2;", migration.Down.Text!.Trim());
        Assert.Equal("SELECT 1;", migration.Up.Text!.Trim());
    }

    [Fact]
    public void A_dbmate_file_with_two_up_sections_is_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("20240101000000_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder, "dbmate"));

        Assert.Equal("20240101000000_a.sql has more than one -- migrate:up or -- migrate:down section", error.Message);
    }

    private static MigrationSet Open(TempFolder folder, string format) => MigrationDiscovery.Open(folder.Path, folder.Path, format, FormatOptions.Default);
}
