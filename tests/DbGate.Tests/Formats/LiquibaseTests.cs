using DbGate.Core.Configuration;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>Liquibase formatted SQL read from files alone: changelog order, changeset attributes, rollbacks.</summary>
public sealed class LiquibaseTests
{
    private const string Header = "--liquibase formatted sql\n";

    [Fact]
    public void A_yaml_root_changelog_orders_includes_as_written_and_include_all_alphabetically()
    {
        using var folder = new TempFolder();
        folder.Write("changelog.yaml", "databaseChangeLog:\n  - include:\n      file: z-first.sql\n  - includeAll:\n      path: all/\n");
        folder.Write("z-first.sql", Header + "--changeset a:1\nSELECT 1;\n");
        folder.Write("all/b.sql", Header + "--changeset a:3\nSELECT 1;\n");
        folder.Write("all/a.sql", Header + "--changeset a:2\nSELECT 1;\n");
        folder.Write("all/notes.sql", "SELECT 'not formatted';\n");

        Assert.Equal(["a:1", "a:2", "a:3"], Open(folder).Migrations.Select(m => m.Id));
    }

    [Fact]
    public void A_yaml_changelog_nested_past_the_limit_is_one_located_error_not_a_crash()
    {
        using var folder = new TempFolder();
        folder.Write("changelog.yaml", "databaseChangeLog: " + new string('[', 100_000));

        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.StartsWith("changelog.yaml:1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_xml_changelog_with_xml_changesets_is_rejected_in_one_line()
    {
        using var folder = new TempFolder();
        folder.Write("changelog.xml", "<databaseChangeLog><changeSet id=\"1\" author=\"a\"><createTable tableName=\"t\"/></changeSet></databaseChangeLog>");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.Equal("changelog.xml: XML changeSets are not read; DbGate reads Liquibase formatted SQL (include the .sql files instead)", error.Message);
    }

    [Fact]
    public void Rollback_lines_and_blocks_become_the_down_at_their_place_in_the_file()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + "--changeset a:1\nCREATE TABLE t (a int);\n--rollback DROP TABLE t;\n--changeset a:2\nCREATE TABLE u (a int);\n/* liquibase rollback\nDROP TABLE u;\n*/\n");

        var migrations = Open(folder).Migrations;

        Assert.Equal("DROP TABLE t;", migrations[0].Down!.Text!.Trim());
        Assert.Equal(4, migrations[0].Down!.Text!.Split('\n').TakeWhile(l => l.Trim().Length == 0).Count() + 1);
        Assert.Equal("DROP TABLE u;", migrations[1].Down!.Text!.Trim());
        Assert.DoesNotContain("rollback", migrations[1].Up.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true, false)]
    [InlineData(" runInTransaction:false", false, false)]
    [InlineData(" runInTransaction:false splitStatements:false", true, true)]
    [InlineData(" splitStatements:false", true, false)]
    public void A_changeset_runs_as_its_attributes_say(string attributes, bool inTransaction, bool oneQuery)
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + $"--changeset a:1{attributes}\nSELECT 1;\n");

        var migration = Open(folder).Migrations[0];

        Assert.Equal((inTransaction, oneQuery), (migration.RunInTransaction, migration.OneStatementRunsAlone));
    }

    [Fact]
    public void An_end_delimiter_ends_statements_where_it_ends_a_line_without_moving_anything()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + "--changeset a:1 endDelimiter:GO\nSELECT 'a/GO'\nGO\nSELECT 2\nGO\n");

        var up = Open(folder).Migrations[0].Up.Text!;

        Assert.Equal("SELECT 'a/GO'\n; \nSELECT 2\n; \n", up[(up.IndexOf("SELECT", StringComparison.Ordinal))..]);
    }

    [Fact]
    public void Rollback_not_required_expects_no_down_and_a_project_without_any_rollback_is_forward_only()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + "--changeset a:1\nSELECT 1;\n--rollback not required\n--changeset a:2\nSELECT 2;\n--rollback SELECT 1;\n");
        using var none = new TempFolder();
        none.Write("c.sql", Header + "--changeset a:1\nSELECT 1;\n");

        var set = Open(folder);

        Assert.Equal([false, true], set.Migrations.Select(m => m.DownExpected));
        Assert.False(set.ForwardOnly);
        Assert.True(Open(none).ForwardOnly);
    }

    [Fact]
    public void Rollback_empty_is_a_rollback_with_nothing_to_do_as_liquibase_reads_it()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + "-- changeset a:1\nCREATE TABLE t (id int)\n-- rollback DROP TABLE t\n-- changeset a:2\nINSERT INTO t VALUES (1)\n-- rollback empty\n");

        var set = Open(folder);

        Assert.Equal([true, false], set.Migrations.Select(m => m.DownExpected));
        Assert.Null(set.Migrations[1].Down);
    }

    [Fact]
    public void A_changeset_author_may_hold_spaces_and_the_changeset_line_may_be_indented()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", " " + Header + "--changeset asmith:01\nSELECT 1;\n--changeset Liquibase User:3\nSELECT 2;\n  --changeset \"b c\": 4\nSELECT 3;\n");

        Assert.Equal(["asmith:01", "Liquibase User:3", "b c:4"], Open(folder).Migrations.Select(m => m.Id));
    }

    [Fact]
    public void A_changeset_defined_twice_in_a_file_is_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("c.sql", Header + "--changeset a:1\nSELECT 1;\n--changeset a:1\nSELECT 2;\n");

        var error = Assert.Throws<ConfigurationException>(() => Open(folder));

        Assert.Equal("c.sql: changeset a:1 is defined more than once (lines 2, 4)", error.Message);
    }

    private static MigrationSet Open(TempFolder folder) => MigrationDiscovery.Open(folder.Path, folder.Path, "liquibase", FormatOptions.Default);
}
