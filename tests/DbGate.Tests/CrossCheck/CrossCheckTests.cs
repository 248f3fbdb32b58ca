using System.Diagnostics;
using System.Globalization;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DbGate.Tests.CrossCheck;

/// <summary>
/// DbGate's verdict on every step against an independent one built from pg_dump of a clone per step, sharing no
/// code with DbGate's execution and snapshots: where they disagree, one of them is wrong, and the disagreements
/// must be exactly the investigated ones in <see cref="KnownDisagreements"/>.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CrossCheckTests(PostgresFixture server, ITestOutputHelper output)
{
    /// <summary>DbGate runs the corpus with least privilege, the pg_dump side as superuser: the verdicts must still agree.</summary>
    [Fact]
    public Task Every_crates_io_verdict_agrees_with_pg_dump_of_a_clone_per_step() =>
        CrossCheckAsync(RepoPaths.CratesIoMigrations, 285, KnownDisagreements.CratesIo, superuser: false);

    /// <summary>Downs that forget one thing each, of kinds the corpus never uses: what pg_dump prints that DbGate may not see.</summary>
    [Fact]
    public Task Probe_verdicts_agree_with_pg_dump_except_for_the_reported_gaps() =>
        CrossCheckAsync(Path.Combine(RepoPaths.SolutionDirectory, "tests", "DbGate.Tests", "CrossCheck", "Probes"), 19, KnownDisagreements.Probes, superuser: true);

    /// <param name="superuser">Probes such as CREATE OPERATOR FAMILY need a superuser, which the pg_dump side always is.</param>
    private async Task CrossCheckAsync(string migrationsPath, int expectedSteps, IReadOnlyList<KnownDisagreements.Entry> known, bool superuser)
    {
        var clock = Stopwatch.StartNew();
        var migrations = MigrationDiscovery.Discover(migrationsPath, RepoPaths.SolutionDirectory);
        Assert.Equal(expectedSteps, migrations.Count);
        // The two sides share the server and nothing else; DbGate runs while the pg_dump side does.
        var gate = Task.Run(() => GateHarness.RunAsync(server, migrationsPath, o => o with { Superuser = superuser }));
        var check = new IndependentCheck(new ScratchDatabases(new PgClient(server.AdminConnectionString), DumpScope.HistoryTablesOf("diesel")), Math.Max(2, Environment.ProcessorCount));
        var independent = await check.RunAsync(migrations, CancellationToken.None);
        var pgDumpSeconds = clock.Elapsed.TotalSeconds;
        var result = await gate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pg_dump side done after {pgDumpSeconds:0.0} s, both after {clock.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(result.Complete, result.Interruption);

        var comparison = new VerdictComparison(migrations.Select(m => m.Id).ToList(), GateVerdicts.From(result), independent);
        output.WriteLine(comparison.Table());
        output.WriteLine(comparison.Report());
        Assert.Equal(
            known.Select(k => $"{k.Migration}: DbGate {k.DbGate}, pg_dump {k.PgDump}").Order(StringComparer.Ordinal),
            comparison.Disagreements.Select(d => $"{d.Migration}: DbGate {d.DbGate.Verdict}, pg_dump {d.PgDump.Verdict}").Order(StringComparer.Ordinal));
    }
}
