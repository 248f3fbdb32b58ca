using System.Text.RegularExpressions;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.CrossCheck;
using DbGate.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DbGate.Tests.Gate;

/// <summary>285 real diesel migrations written by others over twelve years; some downs are broken.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CorpusTests(PostgresFixture server, ITestOutputHelper output)
{
    // One gate run, with the lint on as users run it, serves every test here: the corpus takes a while.
    private static Task<GateResult>? _run;

    private Task<GateResult> RunAsync() =>
        LazyInitializer.EnsureInitialized(ref _run, () => GateHarness.RunAsync(server, RepoPaths.CratesIoMigrations, o => o with { Lint = new() }));

    [Fact]
    public async Task Every_crates_io_step_runs_to_the_end_and_the_failing_downs_are_reported()
    {
        var result = await RunAsync();

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

    /// <summary>The rewrites are found by psql alone (relfilenodes before and after each up); DBG102 must name exactly those.</summary>
    [Fact]
    public async Task Every_up_that_rewrites_a_pre_existing_table_is_reported_by_DBG102_and_no_other_up_is()
    {
        var migrations = MigrationDiscovery.Discover(RepoPaths.CratesIoMigrations, RepoPaths.SolutionDirectory);
        var gate = RunAsync();
        var rewritten = await new RewriteCheck(new PgClient(server.AdminConnectionString), new ScratchDatabases(new PgClient(server.AdminConnectionString), DumpScope.HistoryTablesOf("diesel")))
            .RunAsync(migrations, CancellationToken.None);
        var result = await gate;

        var reported = result.Findings.Where(f => f.Phase == Phase.Up && f.RuleId is "DBG102" or "DBG114").ToList();
        var expected = rewritten.Where(r => r.Value.Count > 0).SelectMany(r => r.Value.Select(t => $"{r.Key} {t}")).Order(StringComparer.Ordinal).ToList();
        var named = rewritten.SelectMany(r => r.Value.Where(t => reported.Any(f => f.Migration == r.Key && Regex.IsMatch(f.Message, Regex.Escape(t) + @"[\s:(,]"))).Select(t => $"{r.Key} {t}"))
            .Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{expected.Count} rewrites of pre-existing tables on crates.io, by psql:");
        foreach (var line in expected)
            output.WriteLine("  " + line);
        output.WriteLine($"{reported.Count} DBG102/DBG114 findings in ups:");
        foreach (var finding in reported)
            output.WriteLine($"  {finding.Migration}: {finding.RuleId} {finding.Message}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, named);
        Assert.All(reported, f => Assert.True(rewritten[f.Migration!].Count > 0, $"{f.Migration}: {f.RuleId} without a rewrite psql saw: {f.Message}"));
        // A rewrite copies the table under ACCESS EXCLUSIVE, even when an earlier statement of the transaction took it.
        Assert.All(reported.Where(f => f.RuleId == "DBG102"), f => Assert.Contains(" under ACCESS EXCLUSIVE,", f.Message, StringComparison.Ordinal));
    }
}
