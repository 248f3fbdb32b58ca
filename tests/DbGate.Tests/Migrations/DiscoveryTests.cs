using DbGate.Core.Configuration;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Migrations;

public sealed class DiscoveryTests
{
    [Fact]
    public void Golang_migrate_versions_are_ordered_numerically_and_paired_with_their_downs()
    {
        using var folder = new TempFolder();
        folder.Write("10_ten.up.sql", "SELECT 1");
        folder.Write("10_ten.down.sql", "SELECT 1");
        folder.Write("9_nine.up.sql", "SELECT 1");

        var migrations = MigrationDiscovery.Discover(folder.Path, folder.Path);

        Assert.Equal(["9_nine", "10_ten"], migrations.Select(m => m.Id));
        Assert.Null(migrations[0].Down);
        Assert.Equal("10_ten.down.sql", migrations[1].Down?.RelativePath);
    }

    [Fact]
    public void Diesel_versions_sort_with_dashes_removed_and_honour_run_in_transaction()
    {
        using var folder = new TempFolder();
        folder.Write("2017-09-23-182408_later/up.sql", "SELECT 1");
        folder.Write("20140924113530_earlier/up.sql", "SELECT 1");
        folder.Write("20140924113530_earlier/down.sql", "SELECT 1");
        folder.Write("2017-09-23-182408_later/metadata.toml", "run_in_transaction = false\n");
        folder.Write("README.md", "not a migration");

        var migrations = MigrationDiscovery.Discover(folder.Path, folder.Path);

        Assert.Equal(["20140924113530_earlier", "2017-09-23-182408_later"], migrations.Select(m => m.Id));
        Assert.Equal([true, false], migrations.Select(m => m.RunInTransaction));
        Assert.Equal("20140924113530_earlier/up.sql", migrations[0].Up.RelativePath);
    }

    [Fact]
    public void The_crates_io_corpus_is_read_as_285_diesel_migrations()
    {
        var migrations = MigrationDiscovery.Discover(RepoPaths.CratesIoMigrations, RepoPaths.CratesIoMigrations);

        Assert.Equal(285, migrations.Count);
        Assert.Equal("00000000000000_diesel_initial_setup", migrations[0].Id);
        Assert.Equal(7, migrations.Count(m => !m.RunInTransaction));
    }

    [Fact]
    public void A_down_without_its_up_is_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("1_a.up.sql", "SELECT 1");
        folder.Write("2_b.down.sql", "SELECT 1");

        var error = Assert.Throws<ConfigurationException>(() => MigrationDiscovery.Discover(folder.Path, folder.Path));

        Assert.Equal("2_b.down.sql has no matching .up.sql", error.Message);
    }

    [Fact]
    public void Two_migrations_with_the_same_version_are_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("1_a.up.sql", "SELECT 1");
        folder.Write("001_b.up.sql", "SELECT 1");

        var error = Assert.Throws<ConfigurationException>(() => MigrationDiscovery.Discover(folder.Path, folder.Path));

        Assert.Equal("version 1 is used by more than one migration: 001_b.up.sql, 1_a.up.sql", error.Message);
    }

    [Fact]
    public void A_folder_mixing_formats_is_rejected_until_the_format_is_named()
    {
        using var folder = new TempFolder();
        folder.Write("1_a.up.sql", "SELECT 1");
        folder.Write("2024-01-01-000000_b/up.sql", "SELECT 1");

        var error = Assert.Throws<ConfigurationException>(() => MigrationDiscovery.Discover(folder.Path, folder.Path));
        var diesel = MigrationDiscovery.Discover(folder.Path, folder.Path, "diesel");

        Assert.Contains("mixes migration formats", error.Message, StringComparison.Ordinal);
        Assert.Equal(["2024-01-01-000000_b"], diesel.Select(m => m.Id));
    }

    [Fact]
    public void A_folder_without_migrations_says_what_was_expected()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", "nothing here");

        var error = Assert.Throws<ConfigurationException>(() => MigrationDiscovery.Discover(folder.Path, folder.Path));

        Assert.Contains("expected golang-migrate files", error.Message, StringComparison.Ordinal);
    }
}
