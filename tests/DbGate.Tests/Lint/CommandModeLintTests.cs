using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Lint;

/// <summary>
/// Command mode (the tool runs its steps itself): the locks its sessions hold are polled from a second connection while
/// each step runs and its rewrites read from relfilenodes, and both are judged by the same rules as a script's.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CommandModeLintTests(PostgresFixture server)
{
    [Fact]
    public async Task A_tools_step_that_rewrites_an_existing_table_under_its_lock_is_reported_by_DBG102_and_DBG107_and_the_step_creating_it_is_not()
    {
        using var folder = new TempFolder();
        folder.Write("up1.sql", "CREATE TABLE t (id int, v int);");
        folder.Write("down1.sql", "DROP TABLE t;");
        // The tool's transaction holds the lock a while after the rewrite, as a migration with more to do would.
        folder.Write("up2.sql", "BEGIN; ALTER TABLE t ALTER COLUMN v TYPE bigint; SELECT pg_sleep(0.3); COMMIT;");
        folder.Write("down2.sql", "ALTER TABLE t ALTER COLUMN v TYPE int;");
        var commands = new CommandSteps(CounterTool.Up, CounterTool.Down, "printf '1_create\\n2_widen\\n'", folder.Path, []) { ProjectRoot = folder.Path };

        var result = await GateHarness.RunAsync(server, folder.Path, o => o with
        {
            ProjectRoot = folder.Path,
            FormatOptions = FormatOptions.Default with { Command = commands },
            Lint = new(),
        });

        Assert.True(result.Complete, result.Interruption);
        var lint = result.Findings.Where(f => f.RuleId.StartsWith("DBG1", StringComparison.Ordinal)).ToList();
        Assert.Equal(["DBG102 2_widen error", "DBG107 2_widen warning"], lint.Select(f => $"{f.RuleId} {f.Migration} {f.Level.ToString().ToLowerInvariant()}").Order(StringComparer.Ordinal));
        Assert.StartsWith("the up command (n=", lint[0].Message, StringComparison.Ordinal);
        Assert.Contains("rewrites public.t under ACCESS EXCLUSIVE", lint.Single(f => f.RuleId == "DBG102").Message, StringComparison.Ordinal);
        Assert.Contains("took ACCESS EXCLUSIVE on public.t (seen in pg_locks while it ran)", lint.Single(f => f.RuleId == "DBG107").Message, StringComparison.Ordinal);
        Assert.All(result.Steps, s => Assert.Equal(Outcome.Passed, s.Outcome));
    }
}
