using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Rules;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Rules;

[Collection(PostgresServerGroup.Name)]
public sealed class RuleDocumentationTests(PostgresFixture server)
{
    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_rule_class_has_a_page_and_every_page_a_rule_class()
    {
        var classes = StepRules.All.Select(r => r.Id).Order(StringComparer.Ordinal);
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

            // Through dbgate.yml as users write it, so an example's production sizes count.
            var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path, Provider: "external", Connection: server.AdminConnectionString), folder.Path, CancellationToken.None);
            var result = await GateRunner.RunAsync(options with { CheckData = !ruleId.StartsWith("DBG1", StringComparison.Ordinal) }, log: null, CancellationToken.None);

            var reported = result.Findings.Where(f => f.RuleId == ruleId).ToList();
            Assert.True(example.ShouldFail == (reported.Count > 0), $"{example}: {string.Join("; ", result.Findings.Select(f => $"{f.RuleId} {f.Message}"))}");
        }
    }
}
