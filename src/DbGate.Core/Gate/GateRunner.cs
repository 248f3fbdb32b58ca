using System.Diagnostics;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate.Changes;
using DbGate.Core.Migrations;
using DbGate.Core.Providers;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

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

    public static async Task<GateResult> RunAsync(GateOptions options, GateProgress progress, CancellationToken cancellationToken)
    {
        using var deadline = new RunDeadline(options.Timeout, cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            // Read where it is judged, before any server starts: a missing or broken baseline costs no run.
            options = options with { Benchmarks = await Benchmarks.Baseline.BaselineLoader.LoadAsync(options.Benchmarks, deadline.Token) };
            // Once for every PostgreSQL version: preparing a format can mean building a project.
            var set = MigrationDiscovery.Open(options.MigrationsPath, options.ProjectRoot, options.Format, options.FormatOptions);
            if (set.Preparation is { } preparation)
                set = await preparation.PrepareAsync(progress.Log ?? (_ => { }), deadline.Token);
            var result = options.Versions.Count > 0
                ? await VersionMatrix.RunAsync(options, o => RunOnceAsync(o, set, clock, progress, deadline), deadline.Token)
                : await RunOnceAsync(options, set, clock, progress, deadline);
            return await Baselines.BaselineFilter.ApplyAsync(result, options, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            // Out of time before any server was ready: there is nothing to judge, only the reason to give.
            throw new InfrastructureException($"{deadline.Reason}, before PostgreSQL was ready");
        }
    }

    private static async Task<GateResult> RunOnceAsync(GateOptions options, MigrationSet set, Stopwatch clock, GateProgress progress, RunDeadline deadline)
    {
        var log = progress.Log ?? (_ => { });
        var cancellationToken = deadline.Token;
        // Command mode has no files to compare with a base: it always checks every step.
        var plan = set.Commands is null ? await ChangePlanner.ForOptionsAsync(options, set.Migrations, progress, cancellationToken) : ChangePlan.Everything(set.Migrations);
        if (plan.Checked.Count == 0 && set.Commands is null)
            return Judge.Verdict(options, $"not started: no migration changed since {plan.Base}", [], [], clock.Elapsed, null);
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        // The prefix's provenance is read as the health checks read the schema.
        var prefixSnapshots = PrefixStart.HealthSnapshots(Snapshots.SnapshotOptions.Default.For(set.History));
        var start = set.Commands is null ? await PrefixStart.PrepareAsync(provider, plan, options, prefixSnapshots, progress, cancellationToken) : new PrefixStart.Start(provider, null, ApplyForward: false);
        log(set.Commands is null ? $"starting PostgreSQL ({start.Provider.Name}) for {plan.Checked.Count} {set.Format} migrations" : $"starting PostgreSQL ({start.Provider.Name}) for command mode");
        progress.Stage?.Invoke("starting PostgreSQL");

        await using var server = await start.Provider.StartAsync(cancellationToken);
        log($"{server.Description} ready after {clock.Elapsed.TotalSeconds:0.00} s");
        var (facts, interruption, identity, health, benchmarks) = await StepLoop.RunAsync(
            token => PrefixStart.CreateWorkDatabaseAsync(server, start, plan, set.Migrations, options, options.Health.Enabled ? prefixSnapshots : null, progress, token), set, options, progress, deadline);
        var verdict = Judge.Verdict(options, server.Description, facts, health.Findings, clock.Elapsed, interruption);
        var (measured, run, compared) = Benchmarks.BenchmarkJudge.Judge(benchmarks.Observed, server.Description, options.RuleLevels, options.Benchmarks, options.ProjectRoot);
        return verdict with
        {
            Findings = [.. verdict.Findings, .. measured],
            Benchmarks = run is null ? [] : [run],
            ChangeDiagram = health.ChangeDiagram,
            Notices = [.. Notices(set), .. benchmarks.Notices, .. compared],
            RunAs = identity?.Description,
            Privileged = identity is not null && identity.Level != Execution.Privileges.PrivilegeLevel.Least,
        };
    }

    private static List<string> Notices(MigrationSet set) =>
        set.ForwardOnly
            ? [$"round trip not applicable: {set.Format} migrations are forward only (the tool has no downs); every up still runs and is checked", .. set.Notices]
            : [.. set.Notices];
}
