using DbGate.Core.Gate.Changes;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// Which files make up one migration, for --changed: a migration's own folder is all its, a folder shared with
/// other migrations only by the files named after its scripts; and which steps the tool runs again.
/// </summary>
public sealed class MigrationFilesTests
{
    [Fact]
    public void A_flyway_script_in_a_shared_folder_is_its_file_and_its_conf_and_not_its_neighbours()
    {
        using var folder = new TempFolder();
        folder.Write("sql/V1__a.sql", "SELECT 1;");
        folder.Write("sql/V1__a.sql.conf", "executeInTransaction=false\n");
        folder.Write("sql/U1__a.sql", "SELECT 1;");
        folder.Write("sql/V2__b.sql", "SELECT 1;");
        var first = MigrationDiscovery.Discover(folder.Path, folder.Path, "flyway")[0];

        var files = MigrationFingerprint.Files(first, folder.Path).Select(f => Path.GetRelativePath(folder.Path, f));

        Assert.Equal(["sql/U1__a.sql", "sql/V1__a.sql", "sql/V1__a.sql.conf"], files);
    }

    [Fact]
    public void A_diesel_migration_is_its_whole_folder_and_a_sqitch_change_includes_its_verify()
    {
        using var diesel = new TempFolder();
        diesel.Write("2024-01-01-000000_a/up.sql", "SELECT 1;");
        diesel.Write("2024-01-01-000000_a/down.sql", "SELECT 1;");
        diesel.Write("2024-01-01-000000_a/metadata.toml", "run_in_transaction = false\n");
        using var sqitch = new TempFolder();
        sqitch.Write("sqitch.plan", "%project=p\n\na 2024-01-01T00:00:00Z a <a@example.com>\nb 2024-01-01T00:00:01Z a <a@example.com>\n");
        foreach (var change in new[] { "a", "b" })
        {
            foreach (var kind in new[] { "deploy", "revert", "verify" })
                sqitch.Write($"{kind}/{change}.sql", "SELECT 1;");
        }

        var dieselFiles = MigrationFingerprint.Files(MigrationDiscovery.Discover(diesel.Path, diesel.Path, "diesel")[0], diesel.Path).Select(Path.GetFileName);
        var sqitchFiles = MigrationFingerprint.Files(MigrationDiscovery.Discover(sqitch.Path, sqitch.Path, "sqitch")[0], sqitch.Path).Select(f => Path.GetRelativePath(sqitch.Path, f));

        Assert.Equal(["down.sql", "metadata.toml", "up.sql"], dieselFiles);
        Assert.Equal(["deploy/a.sql", "revert/a.sql", "verify/a.sql"], sqitchFiles);
    }

    [Fact]
    public void Grates_folder_kinds_say_which_scripts_run_again_and_flyways_repeatables_rerun_when_changed()
    {
        var grate = MigrationDiscovery.Discover(Path.GetFullPath(RepoPaths.Fixture("grate")), Path.GetFullPath(RepoPaths.Fixture("grate")), "grate");
        var flyway = MigrationDiscovery.Discover(Path.GetFullPath(RepoPaths.Fixture("flyway")), Path.GetFullPath(RepoPaths.Fixture("flyway")), "flyway");

        Assert.Equal(
            ["up/0001_create_products.sql Never", "up/0002_add_discontinued.sql Never", "functions/price_in_euros.sql WhenChanged", "views/catalogue.sql WhenChanged",
             "sprocs/discontinue_product.sql WhenChanged", "permissions/grant_catalogue.sql Always"],
            grate.Select(m => $"{m.Id} {m.Reruns}"));
        Assert.Equal([Rerun.WhenChanged], flyway.Where(m => m.Id.StartsWith("R__", StringComparison.Ordinal)).Select(m => m.Reruns));
        Assert.All(flyway.Where(m => m.Id.StartsWith('V')), m => Assert.Equal(Rerun.Never, m.Reruns));
    }
}
