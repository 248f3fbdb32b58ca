using System.Diagnostics;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate.Changes;
using DbGate.Core.Migrations;
using DbGate.Core.Providers;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Gate;

/// <summary>
/// One run of the gate: find the migrations, start PostgreSQL, run every step forward and round trip, judge
/// the facts with the rules. It composes the stages and does none of them itself.
/// </summary>
public static class GateRunner
{
    /// <param name="log">Progress lines for people (a server starting, a step done); never secrets.</param>
    public static Task<GateResult> RunAsync(GateOptions options, Action<string>? log, CancellationToken cancellationToken) =>
        RunAsync(options, new GateProgress { Log = log }, cancellationToken);

    public static Task<GateResult> RunAsync(GateOptions options, GateProgress progress, CancellationToken cancellationToken) =>
        options.Versions.Count > 0
            ? VersionMatrix.RunAsync(options, o => RunOnceAsync(o, progress, cancellationToken), cancellationToken)
            : RunOnceAsync(options, progress, cancellationToken);

    private static async Task<GateResult> RunOnceAsync(GateOptions options, GateProgress progress, CancellationToken cancellationToken)
    {
        var log = progress.Log ?? (_ => { });
        var clock = Stopwatch.StartNew();
        var migrations = MigrationDiscovery.Discover(options.MigrationsPath, options.ProjectRoot, options.Format);
        var plan = await ChangePlanner.ForOptionsAsync(options, migrations, progress, cancellationToken);
        if (plan.Checked.Count == 0)
            return Judge.Verdict(options, $"not started: no migration changed since {plan.Base}", [], clock.Elapsed, null);
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        var start = await PrefixStart.PrepareAsync(provider, plan, options, progress, cancellationToken);
        log($"starting PostgreSQL ({start.Provider.Name}) for {plan.Checked.Count} migrations");
        progress.Stage?.Invoke("starting PostgreSQL");

        await using var server = await start.Provider.StartAsync(cancellationToken);
        log($"{server.Description} ready after {clock.Elapsed.TotalSeconds:0.00} s");
        var facts = new List<StepFacts>();
        string? interruption = null;
        Execution.Privileges.RunIdentity? identity = null;
        try
        {
            var (work, checkedMigrations) = await PrefixStart.CreateWorkDatabaseAsync(server, start, plan, migrations, options, progress, cancellationToken);
            await using var database = work;
            identity = database.Identity;
            await using var runner = await StepRunner.StartAsync(database, SnapshotOptions.Default with { IncludePrivileges = options.ComparePrivileges }, options.CheckData, cancellationToken);
            foreach (var migration in checkedMigrations)
            {
                progress.Step?.Invoke(facts.Count + 1, checkedMigrations.Count, migration.Id);
                var step = await runner.RunAsync(migration, options.Irreversible.Contains(migration.Id), cancellationToken);
                facts.Add(step);
                log(StepLine(step));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interruption = "cancelled";
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // The connection itself broke: the server died or was killed under us.
            interruption = $"lost the connection to PostgreSQL: {e.Message}";
        }
        return Judge.Verdict(options, server.Description, facts, clock.Elapsed, interruption) with
        {
            RunAs = identity?.Description,
            Privileged = identity is not null && identity.Level != Execution.Privileges.PrivilegeLevel.Least,
        };
    }

    private static string StepLine(StepFacts step) =>
        $"{step.Migration.Id}: up {Word(step.Up)}, down {Word(step.Down)}, redo {Word(step.Redo)}";

    private static string Word(ScriptRun run) => run.Outcome switch
    {
        Outcome.Passed => "ok",
        Outcome.Failed => "FAILED",
        _ => "skipped",
    };
}
