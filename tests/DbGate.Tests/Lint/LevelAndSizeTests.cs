using DbGate.Core.Configuration;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Lint;

/// <summary>Rule levels per path, and production sizes that say how much a lock costs.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class LevelAndSizeTests(PostgresFixture server)
{
    private const string Tables = "CREATE TABLE orders (id int, placed_at timestamptz); CREATE TABLE countries (code text, name text);";

    [Fact]
    public async Task Overrides_set_a_rules_level_for_matching_paths_after_the_global_level_and_the_last_match_wins()
    {
        using var project = new LintProject(Tables);
        var recent = project.Add("recent", "CREATE INDEX orders_placed_idx ON orders (placed_at);");
        var legacy = project.Add("legacy_index", "CREATE INDEX orders_id_idx ON orders (id);");
        var reviewed = project.Add("legacy_reviewed", "CREATE INDEX countries_name_idx ON countries (name);");
        project.Config("""
            rules: { DBG101: warning }
            overrides:
              - paths: ["migrations/*_legacy_*"]
                rules: { DBG101: note }
              - paths: ["migrations/*_reviewed.up.sql"]
                rules: { DBG101: none }
            """);

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.Equal([$"DBG101 note {legacy}:1:1", $"DBG101 warning {recent}:1:1"], result.Of("DBG101"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DBG101" && f.Location?.Path == reviewed);
    }

    [Fact]
    public async Task Known_sizes_appear_in_messages_and_tables_below_small_table_rows_turn_findings_into_notes()
    {
        using var project = new LintProject(Tables);
        var large = project.Add("orders_index", "CREATE INDEX orders_placed_idx ON orders (placed_at);");
        var small = project.Add("countries_index", "CREATE INDEX countries_name_idx ON countries (name);");
        project.Config("""
            lint:
              tables: { orders: 50M, public.countries: "250" }
              small_table_rows: 1000
            """);

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.Equal([$"DBG101 error {large}:1:1", $"DBG101 note {small}:1:1"], result.Of("DBG101"));
        var onOrders = result.Findings.Single(f => f.RuleId == "DBG101" && f.Location?.Path == large);
        Assert.Contains("public.orders (≈50M rows)", onOrders.Message, StringComparison.Ordinal);
        var onCountries = result.Findings.Single(f => f.RuleId == "DBG101" && f.Location?.Path == small);
        Assert.Contains("public.countries (≈250 rows)", onCountries.Message, StringComparison.Ordinal);
        Assert.Contains(onCountries.Details ?? [], d => d.Contains("fewer than 1000 rows (lint.small_table_rows)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_with_no_size_counts_as_large_and_small_table_rows_zero_makes_no_table_small()
    {
        using var project = new LintProject(Tables);
        var unknown = project.Add("countries_index", "CREATE INDEX countries_name_idx ON countries (name);");
        project.Config("lint:\n  tables: { countries: 5 }\n  small_table_rows: 0\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.Equal([$"DBG101 error {unknown}:1:1"], result.Of("DBG101"));
    }

    [Theory]
    [InlineData("lint:\n  tables: { orders: lots }\n", "lint.tables.orders must be a row count such as 50M, 120k or 3000 (got 'lots')")]
    [InlineData("lint:\n  small_table_rows: -1\n", "lint.small_table_rows must be zero or more (got -1)")]
    [InlineData("lint:\n  stats: nowhere.json\n", "lint.stats: file not found:")]
    [InlineData("overrides:\n  - rules: { DBG101: none }\n", "overrides[0] needs paths: a list of globs")]
    [InlineData("overrides:\n  - paths: [\"x/**\"]\n    rules: { DBG101: loud }\n", "overrides[0].rules.DBG101 must be one of error, warning, note, none (got 'loud')")]
    public async Task Bad_lint_settings_are_one_line_configuration_errors(string yaml, string message)
    {
        using var project = new LintProject(Tables);
        project.Config(yaml);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.RunAsync(server.AdminConnectionString));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_down_is_observed_like_an_up_and_its_findings_are_one_level_lower()
    {
        using var project = new LintProject(Tables);
        var up = project.Add("orders_id_bigint", "ALTER TABLE orders ALTER COLUMN id TYPE bigint;", "ALTER TABLE orders ALTER COLUMN id TYPE int;");
        var down = up.Replace(".up.sql", ".down.sql", StringComparison.Ordinal);

        var result = await project.RunAsync(server.AdminConnectionString);

        // The rewrite is an error in the up and a warning in the down; the visible type change a warning and a note.
        Assert.Equal([$"DBG102 error {up}:1:1", $"DBG102 warning {down}:1:1"], result.Of("DBG102"));
        Assert.Equal([$"DBG116 note {down}:1:1", $"DBG116 warning {up}:1:1"], result.Of("DBG116"));
        var inDown = result.Findings.Single(f => f.RuleId == "DBG102" && f.Location?.Path == down);
        Assert.Equal(Phase.Down, inDown.Phase);
        Assert.Contains("in a down: one level lower than in an up", inDown.Details ?? []);
    }

    [Fact]
    public async Task With_the_lint_disabled_no_DBG1xx_is_reported()
    {
        using var project = new LintProject(Tables);
        project.Add("orders_index", "CREATE INDEX orders_placed_idx ON orders (placed_at);");
        project.Config("lint:\n  enabled: false\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG1", StringComparison.Ordinal));
        Assert.All(result.Steps, s => Assert.NotEqual(Outcome.Failed, s.Outcome));
    }
}
