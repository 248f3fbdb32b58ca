using DbGate.Core.Configuration;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

[Collection(PostgresServerGroup.Name)]
public sealed class HealthConfigurationTests(PostgresFixture server)
{
    private const string TwoKeylessTables = "CREATE TABLE audit_log (at timestamptz NOT NULL, line text NOT NULL); CREATE TABLE events (at timestamptz NOT NULL, kind text NOT NULL);";

    [Fact]
    public async Task A_table_entry_switches_a_rule_off_for_that_table_only()
    {
        using var project = new HealthProject();
        project.Migration(TwoKeylessTables);
        project.Config("health:\n  exclude:\n    - rules: [DBG202]\n      table: audit_log\n      reason: append-only log, never updated\n");

        var result = await project.RunAsync(server);

        Assert.Equal(["DBG202 table public.events"], result.Health());
    }

    [Fact]
    public async Task A_schema_entry_relevels_a_rule_in_that_schema_and_global_levels_apply_elsewhere()
    {
        using var project = new HealthProject();
        project.Migration("CREATE SCHEMA legacy; CREATE TABLE legacy.logs (line text NOT NULL); CREATE TABLE public.events (at timestamptz NOT NULL);");
        project.Config("rules:\n  DBG202: note\nhealth:\n  exclude:\n    - rules: [DBG202]\n      schema: legacy\n      level: error\n      reason: legacy tables get keys before anything else\n");

        var result = await project.RunAsync(server);

        var levels = result.Findings.Where(f => f.RuleId == "DBG202").ToDictionary(f => f.Subject!, f => f.Level);
        Assert.Equal(Level.Error, levels["table legacy.logs"]);
        Assert.Equal(Level.Note, levels["table public.events"]);
    }

    [Fact]
    public async Task Health_enabled_false_reports_no_schema_finding()
    {
        using var project = new HealthProject();
        project.Migration(TwoKeylessTables);
        project.Config("health:\n  enabled: false\n");

        var result = await project.RunAsync(server);

        Assert.Empty(result.Health());
    }

    [Theory]
    [InlineData("health:\n  exclude:\n    - rules: [DBG202]\n      table: t\n", "health.exclude[0] needs a reason")]
    [InlineData("health:\n  exclude:\n    - rules: [DBG999]\n      reason: x\n", "health.exclude[0].rules: no rule DBG999")]
    [InlineData("health:\n  max_indexs: 3\n", "unknown key 'max_indexs' (did you mean 'max_indexes'?)")]
    [InlineData("health:\n  naming:\n    index: '('\n", "health.naming.index is not a regular expression")]
    [InlineData("lint:\n  tables:\n    orders: lots\n", "lint.tables.orders must be a row count such as 50M")]
    public async Task Bad_health_settings_are_one_line_configuration_errors(string yaml, string expected)
    {
        using var project = new HealthProject();
        project.Migration("SELECT 1");
        project.Config(yaml);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.OptionsAsync(server));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
