using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Gate;

/// <summary>285 real diesel migrations written by others over twelve years; some downs are broken.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CorpusTests(PostgresFixture server)
{
    [Fact]
    public async Task Every_crates_io_step_runs_to_the_end_and_the_failing_downs_are_reported()
    {
        var result = await GateHarness.RunAsync(server, RepoPaths.CratesIoMigrations);

        Assert.True(result.Complete, result.Interruption);
        Assert.Equal(285 * 3, result.Steps.Count);
        Assert.All(result.Steps.Where(s => s.Phase == Phase.Up), s => Assert.Equal(Outcome.Passed, s.Outcome));
        Assert.Equal(
            ["DBG002 20170318181441_downloads_need_no_id", "DBG002 2024-04-12-144536_remove-downloads-column", "DBG002 2024-10-25-112826_make-unique-version-unique"],
            result.Verdicts().Where(v => v.StartsWith("DBG002", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "DBG001" or "DBG005");
        // Only diesel's history table is left out: the down re-creating the table of the tool crates.io used before is a finding.
        Assert.Contains("DBG003 20170502181306_drop_schema_migrations", result.Verdicts());
    }
}
