using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Rules;
using DbGate.Core.Rules.Schema;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Rules;

[Collection(PostgresServerGroup.Name)]
public sealed class RuleDocumentationTests(PostgresFixture server)
{
    private static readonly string[] LintPeers = ["squawk ", "strong_migrations ", "eugene "];

    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_rule_class_has_a_page_and_every_page_a_rule_class()
    {
        var classes = StepRules.All.Select(r => r.Id).Append(Core.Rules.Lint.UnusedIgnore.Id).Concat(SchemaRules.All.Select(r => r.Id)).Concat(Core.Rules.Benchmarks.BenchmarkRules.All.Select(r => r.Id)).Order(StringComparer.Ordinal);
        var pages = RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal);

        Assert.Equal(pages, classes);
    }

    [Fact]
    public void Rule_ids_and_names_are_unique_and_well_formed()
    {
        Assert.All(RuleCatalog.All, r => Assert.Matches("^DBG[0-9]{3}$", r.Id));
        Assert.All(RuleCatalog.All, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name));
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_schema_rule_page_names_its_counterparts_in_other_tools()
    {
        var tools = new[] { "pg-index-health", "tbls", "schemalint", "splinter" };
        Assert.All(SchemaRules.All, rule =>
        {
            var line = RuleCatalog.Get(rule.Id).Help.Split('\n').FirstOrDefault(l => l.StartsWith("Same as: ", StringComparison.Ordinal));
            Assert.True(line is not null && tools.Any(t => line.Contains(t, StringComparison.Ordinal)), $"{rule.Id} has no 'Same as:' line naming {string.Join(", ", tools)}");
        });
    }

    [Fact]
    public void Every_lint_rule_page_names_its_squawk_strong_migrations_and_eugene_counterparts_or_says_there_is_none()
    {
        Assert.All(RuleCatalog.All.Where(r => r.Id.StartsWith("DBG1", StringComparison.Ordinal)), rule =>
        {
            var line = RuleCatalog.Get(rule.Id).Help.Split('\n').FirstOrDefault(l => l.StartsWith("Same as: ", StringComparison.Ordinal));
            Assert.True(line is not null, $"{rule.Id} has no 'Same as:' line");
            // Each tool is named with its rule, or with "(no equivalent" after it.
            Assert.All(LintPeers, tool => Assert.True(line.Contains(tool, StringComparison.Ordinal), $"{rule.Id}'s 'Same as:' line does not name {tool.Trim()}"));
        });
    }

    [Fact]
    public void The_readme_rules_table_lists_every_rule_as_its_page_describes_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.SolutionDirectory, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("| id | name | level | title |", StringComparison.Ordinal);
        var table = readme[start..readme.IndexOf("<!-- /rules-table -->", start, StringComparison.Ordinal)].Trim();

        var rows = RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"| [{r.Id}](rules/{r.Id}.md) | {r.Name} | {r.DefaultLevel.ToString().ToLowerInvariant()} | {r.Title} |");
        var expected = "| id | name | level | title |\n|---|---|---|---|\n" + string.Join("\n", rows);
        Assert.Equal(expected, table);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task The_documented_failing_example_is_reported_and_the_passing_one_is_not(string ruleId)
    {
        var examples = RuleExample.From(ruleId, RuleCatalog.Get(ruleId).Help).ToList();
        Assert.Equal([true, false], examples.Select(e => e.ShouldFail));

        foreach (var example in examples)
        {
            using var folder = new TempFolder();
            example.WriteTo(folder.Path);

            var roles = await RolesAsync();
            try
            {
                // Through dbgate.yml as users write it, so an example's production sizes and settings count. The data
                // check serves only the round-trip rules and costs a second up and down per step.
                var result = await GateHarness.RunConfiguredAsync(server.AdminConnectionString, folder.Path, options => options with { CheckData = ruleId.StartsWith("DBG0", StringComparison.Ordinal) });

                var reported = result.Findings.Where(f => f.RuleId == ruleId).ToList();
                Assert.True(example.ShouldFail == (reported.Count > 0), $"{example}: {string.Join("; ", result.Findings.Select(f => $"{f.RuleId} {f.Message}"))}");
            }
            finally
            {
                // Roles are the server's, not the work database's: drop what a superuser example created.
                await DropRolesAsync((await RolesAsync()).Except(roles));
            }
        }
    }

    private async Task<HashSet<string>> RolesAsync()
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rolname::text FROM pg_roles", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private async Task DropRolesAsync(IEnumerable<string> roles)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var role in roles)
        {
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
