using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Gate;

[Collection(PostgresServerGroup.Name)]
public sealed class SampleTests(PostgresFixture server)
{
    [Fact]
    public async Task The_shop_sample_passes_every_step_in_both_directions()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop/migrations"));

        Assert.Empty(result.Findings);
        Assert.Equal(21, result.Steps.Count);
        Assert.All(result.Steps, step => Assert.Equal(Outcome.Passed, step.Outcome));
    }

    [Fact]
    public async Task With_the_data_check_the_shop_sample_still_passes()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop/migrations"), o => o with { CheckData = true });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task The_broken_sample_reports_each_broken_step_and_nothing_else()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop-broken/migrations"));

        Assert.Equal(
            [
                "DBG002 2024-01-04-000001_create_orders",
                "DBG003 2024-01-02-000001_index_customer_email",
                "DBG003 2024-01-03-000001_widen_score",
                "DBG003 2024-01-06-000001_bigger_discount",
                "DBG003 2024-01-07-000001_add_refunded_status",
                "DBG003 2024-01-08-000001_index_orders_placed_at",
                "DBG005 2024-01-05-000001_create_audit_log",
            ],
            result.Verdicts());
    }

    [Theory]
    [InlineData("2024-01-02-000001_index_customer_email", "index public.customers_email_idx was left behind")]
    [InlineData("2024-01-03-000001_widen_score", "column public.customers.score: type integer became bigint")]
    [InlineData("2024-01-06-000001_bigger_discount", "function public.discounted(numeric): body differs")]
    [InlineData("2024-01-07-000001_add_refunded_status", "enum public.order_status: labels (pending, paid, shipped) became (pending, paid, shipped, refunded)")]
    [InlineData("2024-01-08-000001_index_orders_placed_at", "index public.orders_placed_at_idx was left behind")]
    public async Task Each_down_that_does_not_restore_names_the_exact_difference(string migration, string difference)
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop-broken/migrations"));

        var finding = Assert.Single(result.Findings, f => f.Migration == migration);
        Assert.Equal($"down of {migration} does not restore the schema: {difference}", finding.Message);
        Assert.Equal($"samples/shop-broken/migrations/{migration}/down.sql", finding.Location?.Path);
    }

    [Fact]
    public async Task A_failing_down_is_located_at_the_statement_and_token_postgresql_rejected()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop-broken/migrations"));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG002");
        Assert.Equal(new SourceLocation("samples/shop-broken/migrations/2024-01-04-000001_create_orders/down.sql", 3, 6), finding.Location);
        Assert.Contains("syntax error at or near \"TABEL\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("SQLSTATE 42601", finding.Details);
    }

    [Fact]
    public async Task A_step_that_cannot_run_in_a_transaction_is_checked_in_a_clone_and_its_broken_down_caught()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.Sample("shop-broken/migrations"));

        var down = Assert.Single(result.Steps, s => s.Migration == "2024-01-08-000001_index_orders_placed_at" && s.Phase == Phase.Down);
        Assert.Equal(Outcome.Passed, down.Outcome);
        Assert.Contains(result.Findings, f => f.RuleId == "DBG003" && f.Migration == "2024-01-08-000001_index_orders_placed_at");
    }

    [Fact]
    public async Task Irreversible_migrations_listed_in_configuration_are_not_reported_as_missing_a_down()
    {
        var result = await GateHarness.RunAsync(
            server,
            RepoPaths.Sample("shop-broken/migrations"),
            o => o with { Irreversible = new HashSet<string>(StringComparer.Ordinal) { "2024-01-05-000001_create_audit_log" } });

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DBG005");
    }

    [Fact]
    public async Task A_rule_set_to_none_in_configuration_reports_nothing_and_others_keep_their_level()
    {
        var result = await GateHarness.RunAsync(
            server,
            RepoPaths.Sample("shop-broken/migrations"),
            o => o with { RuleLevels = new Dictionary<string, Level>(StringComparer.Ordinal) { ["DBG003"] = Level.None, ["DBG005"] = Level.Error } });

        Assert.Equal(["DBG002 2024-01-04-000001_create_orders", "DBG005 2024-01-05-000001_create_audit_log"], result.Verdicts());
        Assert.All(result.Findings, f => Assert.Equal(Level.Error, f.Level));
    }

    [Fact]
    public async Task With_privileges_compared_a_down_that_leaves_a_grant_behind_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        folder.Write("1_t.down.sql", "DROP TABLE t;");
        folder.Write("2_grant.up.sql", "GRANT SELECT ON t TO PUBLIC;");
        folder.Write("2_grant.down.sql", "SELECT 1;");

        var without = await GateHarness.RunAsync(server, folder.Path);
        var with = await GateHarness.RunAsync(server, folder.Path, o => o with { ComparePrivileges = true });

        Assert.Empty(without.Findings);
        Assert.Equal(["DBG003 2_grant"], with.Verdicts());
    }

    [Fact]
    public async Task With_privileges_compared_the_health_checks_judge_the_runs_own_final_snapshot_as_they_judge_the_one_they_read()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        folder.Write("1_t.down.sql", "DROP TABLE t;");
        folder.Write("2_grant.up.sql", "GRANT SELECT ON t TO PUBLIC;");
        folder.Write("2_grant.down.sql", "REVOKE SELECT ON t FROM PUBLIC;");
        var health = Core.Rules.Schema.HealthSettings.Default with { Enabled = true };

        var read = await GateHarness.RunAsync(server, folder.Path, o => o with { Health = health });
        var reused = await GateHarness.RunAsync(server, folder.Path, o => o with { Health = health, ComparePrivileges = true });

        string Placed(GateResult result) => string.Join("\n", result.Findings.Select(f => $"{f.RuleId} {f.Location} {f.Message}").Order(StringComparer.Ordinal));
        Assert.Contains(read.Findings, f => f.RuleId == "DBG303");
        Assert.Equal(Placed(read), Placed(reused));
    }
}
