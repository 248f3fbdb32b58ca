using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Gate;

public sealed class VersionMatrixTests
{
    private static readonly SourceLocation Up = new("db/2_uses_pg16.up.sql", 1, 15);

    [Fact]
    public void A_finding_on_some_versions_says_which_and_one_on_all_versions_says_nothing_more()
    {
        var only15 = new Finding("DBG001", Level.Error, "up of 2 fails: subquery in FROM must have an alias", Up, "2", Phase: Phase.Up);
        var everywhere = new Finding("DBG005", Level.Warning, "3 has no down", new SourceLocation("db/3.up.sql"), "3", Phase: Phase.Down);
        var runs = new[]
        {
            ("15", Result([only15, everywhere])),
            ("17", Result([everywhere with { Message = "3 has no down" }])),
        };

        var merged = VersionMatrix.Merge(new GateOptions("/repo", "/repo/db"), runs, TimeSpan.FromSeconds(1));

        Assert.Equal(
            ["up of 2 fails: subquery in FROM must have an alias (on PostgreSQL 15 only) [15]", "3 has no down [15, 17]"],
            merged.Findings.Select(f => $"{f.Message} [{string.Join(", ", f.Versions)}]"));
    }

    [Fact]
    public void Steps_of_each_version_are_kept_apart_and_an_interrupted_version_makes_the_whole_run_incomplete()
    {
        var step = new StepResult("1_a", Phase.Up, Outcome.Passed, TimeSpan.Zero);
        var runs = new[]
        {
            ("15", Result([]) with { Steps = [step] }),
            ("17", Result([]) with { Steps = [step], Complete = false, Interruption = "cancelled" }),
        };

        var merged = VersionMatrix.Merge(new GateOptions("/repo", "/repo/db"), runs, TimeSpan.FromSeconds(1));

        Assert.Equal(["1_a [PostgreSQL 15]", "1_a [PostgreSQL 17]"], merged.Steps.Select(s => s.Migration));
        Assert.False(merged.Complete);
        Assert.Equal("cancelled", merged.Interruption);
    }

    [DockerFact]
    public async Task Syntax_new_in_postgresql_16_fails_on_15_only()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        folder.Write("1_t.down.sql", "DROP TABLE t;");
        // PostgreSQL 16 made the alias of a subquery in FROM optional.
        folder.Write("2_v.up.sql", "CREATE VIEW v AS SELECT * FROM (SELECT id FROM t);");
        folder.Write("2_v.down.sql", "DROP VIEW v;");
        var options = new GateOptions(folder.Path, folder.Path, Image: "dbgate/postgres:" + VersionMatrix.VersionPlaceholder) { Versions = ["15", "17"] };

        var result = await GateRunner.RunAsync(options, log: null, CancellationToken.None);

        var finding = Assert.Single(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        Assert.Equal(("DBG001", "2_v"), (finding.RuleId, finding.Migration));
        Assert.Equal(["15"], finding.Versions);
        Assert.EndsWith("(on PostgreSQL 15 only)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL 17", result.Server, StringComparison.Ordinal);
    }

    private static GateResult Result(IReadOnlyList<Finding> findings) => new("/repo", "PostgreSQL", [], findings, TimeSpan.Zero);
}
