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
        try
        {
            return options.Versions.Count > 0
                ? await VersionMatrix.RunAsync(options, o => RunOnceAsync(o, progress, deadline), deadline.Token)
                : await RunOnceAsync(options, progress, deadline);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            // Out of time before any server was ready: there is nothing to judge, only the reason to give.
            throw new InfrastructureException($"{deadline.Reason}, before PostgreSQL was ready");
        }
    }

    private static async Task<GateResult> RunOnceAsync(GateOptions options, GateProgress progress, RunDeadline deadline)
    {
        var log = progress.Log ?? (_ => { });
        var cancellationToken = deadline.Token;
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
        var (facts, interruption, identity) = await StepLoop.RunAsync(
            token => PrefixStart.CreateWorkDatabaseAsync(server, start, plan, migrations, options, progress, token), options, progress, deadline);
        return Judge.Verdict(options, server.Description, facts, clock.Elapsed, interruption) with
        {
            RunAs = identity?.Description,
            Privileged = identity is not null && identity.Level != Execution.Privileges.PrivilegeLevel.Least,
        };
    }
}
