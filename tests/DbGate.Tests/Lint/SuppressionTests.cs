using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Lint;

/// <summary>-- dbgate:ignore DBG1xx reason silences a rule on one statement; an ignore that silences nothing is DBG199.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SuppressionTests(PostgresFixture server)
{
    private const string Tables = "CREATE TABLE orders (id int, placed_at timestamptz, note text);";

    [Fact]
    public async Task An_ignore_on_the_statement_or_the_line_before_silences_that_rule_there_only()
    {
        using var project = new LintProject(Tables);
        var trailing = project.Add("trailing", "CREATE INDEX orders_placed_idx ON orders (placed_at); -- dbgate:ignore DBG101 built while the table is small\n");
        var above = project.Add("above", "-- dbgate:ignore DBG101 the nightly job holds no lock\nCREATE INDEX orders_note_idx ON orders (note);\n");
        var inside = project.Add("inside", "CREATE INDEX /* dbgate:ignore DBG101 reviewed with ops */ orders_id_idx ON orders (id);\n");
        var plain = project.Add("plain", "CREATE INDEX orders_id_note_idx ON orders (id, note);\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.Equal([$"DBG101 error {plain}:1:1"], result.Of("DBG101", "DBG199"));
        Assert.Contains(result.Findings, f => f.RuleId == "DBG107" && f.Location?.Path == trailing);
        Assert.Contains(result.Findings, f => f.RuleId == "DBG107" && f.Location?.Path == above);
        Assert.Contains(result.Findings, f => f.RuleId == "DBG107" && f.Location?.Path == inside);
    }

    [Fact]
    public async Task Several_rules_can_be_ignored_at_once_and_an_ignore_further_up_counts_only_when_the_comments_are_contiguous()
    {
        using var project = new LintProject(Tables);
        var both = project.Add("both", "-- dbgate:ignore DBG101, DBG107 small table, quiet hour\nCREATE INDEX orders_placed_idx ON orders (placed_at);\n");
        var detached = project.Add("detached", "-- dbgate:ignore DBG101 meant for another statement\n\nSELECT 1;\nCREATE INDEX orders_note_idx ON orders (note);\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        Assert.DoesNotContain(result.Findings, f => f.Location?.Path == both && f.RuleId is "DBG101" or "DBG107");
        Assert.Equal([$"DBG101 error {detached}:4:1", $"DBG199 note {detached}:1:1"], result.Of("DBG101", "DBG199").Where(f => f.Contains(detached, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ignore_that_silences_nothing_is_reported_as_a_note_naming_why()
    {
        using var project = new LintProject(Tables);
        var stale = project.Add("stale", "-- dbgate:ignore DBG114 this used to truncate\nCREATE INDEX orders_placed_idx ON orders (placed_at);\n");
        var typo = project.Add("typo", "SELECT 1; -- dbgate:ignore DBG999 no such rule\n");

        var result = await project.RunAsync(server.AdminConnectionString);

        var unused = result.Findings.Where(f => f.RuleId == "DBG199").OrderBy(f => f.Location?.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([stale, typo], unused.Select(f => f.Location?.Path));
        Assert.All(unused, f => Assert.Equal(Core.Results.Level.Note, f.Level));
        Assert.Contains("DBG114 reports nothing on this statement", unused[0].Message, StringComparison.Ordinal);
        Assert.Contains("there is no rule DBG999", unused[1].Message, StringComparison.Ordinal);
        // The stale ignore silences nothing else either.
        Assert.Contains(result.Findings, f => f.RuleId == "DBG101" && f.Location?.Path == stale);
    }
}
