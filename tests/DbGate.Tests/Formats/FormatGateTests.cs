using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>The gate on each format's fixture: exactly the broken steps are reported, where the tool's user would look.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class FormatGateTests(PostgresFixture server)
{
    [Fact]
    public async Task Flyway_runs_versions_in_flyway_order_then_repeatables_and_reports_the_undo_that_forgets_a_function()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture("flyway"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DBG003", "V1_2__add_authors"), (finding.RuleId, finding.Migration));
        Assert.Equal("tests/fixtures/flyway/sql/library/U1_2__add_authors.sql", finding.Location?.Path);
        Assert.Contains("function public.author_name(public.books) was left behind", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Phases("V1__create_books", "V1_1__add_isbn", "V1_2__add_authors", "V1_10__create_loans", "V2__index_titles").Append("R__available_books up"), result.Steps.Select(s => $"{s.Migration} {Name(s.Phase)}"));
        Assert.Empty(result.Notices);
    }

    [Fact]
    public async Task Evolve_reads_the_same_files_forward_only_and_in_a_transaction_where_concurrently_fails()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture("flyway"), o => o with { Format = "evolve" });

        Assert.Equal(["DBG001 V2__index_titles"], result.Verdicts());
        Assert.Equal(["round trip not applicable: evolve migrations are forward only (the tool has no downs); every up still runs and is checked"], result.Notices);
    }

    [Fact]
    public async Task Liquibase_follows_the_changelog_reports_the_rollback_that_forgets_a_column_and_tolerates_fail_on_error_false()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture("liquibase"));

        Assert.Equal(["DBG001 carol:drop-legacy-view", "DBG003 alice:customers-display-name"], result.Verdicts());
        Assert.Equal(Level.Warning, result.Findings.Single(f => f.RuleId == "DBG001").Level);
        var rollback = result.Findings.Single(f => f.RuleId == "DBG003");
        Assert.Equal(new SourceLocation("tests/fixtures/liquibase/changes/customers.sql", 19, 12), rollback.Location);
        Assert.Equal(
            [
                "tests/fixtures/liquibase/changes/orders.sql:32: changeset bob:mysql-engine is skipped, as Liquibase skips it: its dbms is mysql",
                "tests/fixtures/liquibase/changes/later/010-refunds.sql:4: the preconditions of changeset carol:create-refunds are not honoured: DbGate runs the changeset as if they held",
            ],
            result.Notices);
    }

    [Fact]
    public async Task Sqitch_deploys_in_plan_order_and_a_verify_that_fails_after_its_deploy_is_a_finding()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture("sqitch"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DBG008", "users_email"), (finding.RuleId, finding.Migration));
        Assert.Equal(new SourceLocation("tests/fixtures/sqitch/verify/users_email.sql", 3, 1), finding.Location);
        Assert.Contains("division by zero", finding.Message, StringComparison.Ordinal);
        Assert.All(result.Steps, s => Assert.Equal(Outcome.Passed, s.Outcome));
    }

    [Fact]
    public async Task Dbmate_sections_run_as_dbmate_runs_them_and_a_down_that_forgets_a_column_is_reported_at_its_section()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture("dbmate"));

        Assert.Equal(["DBG003 20240107120000_add_author_bio", "DBG005 20240108080000_seed_authors"], result.Verdicts());
        Assert.Equal(6, result.Findings.Single(f => f.RuleId == "DBG003").Location?.Line);
    }

    [Theory]
    [InlineData("grate", "DBG001 sprocs/discontinue_product.sql")]
    [InlineData("dbup", "DBG001 Scripts/Script0003 - Add customer names.sql")]
    [InlineData("prisma", "DBG001 20240113080000_index_post_titles")]
    [InlineData("plain", "DBG001 11_report_view")]
    public async Task A_forward_only_tool_runs_every_up_reports_the_failing_one_and_says_once_that_the_round_trip_does_not_apply(string format, string verdict)
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture(format));

        Assert.Equal([verdict], result.Verdicts());
        Assert.All(result.Steps, s => Assert.Equal(Phase.Up, s.Phase));
        Assert.Single(result.Notices, n => n.StartsWith($"round trip not applicable: {format} migrations are forward only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forward_only_tools_ups_are_linted_and_its_schema_health_checked()
    {
        using var folder = new TempFolder();
        folder.Write("up/0001_tables.sql", "CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE events (at timestamptz NOT NULL);");
        folder.Write("up/0002_add_v.sql", "ALTER TABLE t ADD COLUMN v int NOT NULL DEFAULT 0;");

        var result = await GateHarness.RunAsync(server, folder.Path, o => o with { ProjectRoot = folder.Path, Lint = new(), Health = Core.Rules.Schema.HealthSettings.Default });

        // ACCESS EXCLUSIVE on the existing table t, taken without a lock_timeout.
        Assert.Contains(result.Findings, f => f.RuleId.StartsWith("DBG1", StringComparison.Ordinal) && f.Migration == "up/0002_add_v.sql" && f.Location?.Path == "up/0002_add_v.sql");
        var health = Assert.Single(result.Findings, f => f.RuleId == "DBG202");
        Assert.Equal(new SourceLocation("up/0001_tables.sql", 2, 1), health.Location);
        Assert.Single(result.Notices, n => n.StartsWith("round trip not applicable: grate migrations are forward only", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Phases(params string[] migrations) =>
        migrations.SelectMany(m => new[] { $"{m} up", $"{m} down", $"{m} redo" });

    private static string Name(Phase phase) => phase.ToString().ToLowerInvariant();
}
