using System.Diagnostics;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Execution.Commands;
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
    public static async Task<GateResult> RunAsync(GateOptions options, Action<string>? log, CancellationToken cancellationToken)
    {
        log ??= _ => { };
        var clock = Stopwatch.StartNew();
        // Once for every PostgreSQL version: preparing a format can mean building a project.
        var set = MigrationDiscovery.Open(options.MigrationsPath, options.ProjectRoot, options.Format, options.FormatOptions);
        if (set.Preparation is { } preparation)
            set = await preparation.PrepareAsync(log, cancellationToken);
        return options.Versions.Count > 0
            ? await VersionMatrix.RunAsync(options, o => RunOnceAsync(o, set, clock, log, cancellationToken), cancellationToken)
            : await RunOnceAsync(options, set, clock, log, cancellationToken);
    }

    private static async Task<GateResult> RunOnceAsync(GateOptions options, MigrationSet set, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        log(set.Commands is null ? $"starting PostgreSQL ({provider.Name}) for {set.Migrations.Count} {set.Format} migrations" : $"starting PostgreSQL ({provider.Name}) for command mode");

        await using var server = await provider.StartAsync(cancellationToken);
        log($"{server.Description} ready after {clock.Elapsed.TotalSeconds:0.00} s");
        var facts = new List<StepFacts>();
        string? interruption = null;
        var snapshots = SnapshotOptions.Default.For(set.History) with { IncludePrivileges = options.ComparePrivileges };
        Execution.Privileges.RunIdentity? identity = null;
        try
        {
            await using var database = await WorkDatabase.CreateAsync(server, new WorkDatabaseOptions(options.StatementTimeout, options.Superuser, options.Extensions, options.AllowExistingDatabase), cancellationToken);
            identity = database.Identity;
            var steps = set.Commands is { } commands
                ? CommandStepRunner.RunAsync(database, commands, snapshots, options.StatementTimeout, cancellationToken)
                : RunStepsAsync(database, set.Migrations, snapshots, options, cancellationToken);
            await foreach (var step in steps)
            {
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
            Notices = Notices(set),
            RunAs = identity?.Description,
            Privileged = identity is not null && identity.Level != Execution.Privileges.PrivilegeLevel.Least,
        };
    }

    private static async IAsyncEnumerable<StepFacts> RunStepsAsync(
        WorkDatabase database, IReadOnlyList<Migration> migrations, SnapshotOptions snapshots, GateOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var runner = await StepRunner.StartAsync(database, snapshots, options.CheckData, cancellationToken);
        foreach (var migration in migrations)
            yield return await runner.RunAsync(migration, options.Irreversible.Contains(migration.Id), cancellationToken);
    }

    private static List<string> Notices(MigrationSet set) =>
        set.ForwardOnly
            ? [$"round trip not applicable: {set.Format} migrations are forward only (the tool has no downs); every up still runs and is checked", .. set.Notices]
            : [.. set.Notices];

    private static string StepLine(StepFacts step) =>
        $"{step.Migration.Id}: up {Word(step.Up)}{Rewrites(step)}, down {Word(step.Down)}, redo {Word(step.Redo)}";

    private static string Rewrites(StepFacts step) => step.Rewritten.Count == 0 ? "" : $" (rewrote {string.Join(", ", step.Rewritten)})";

    private static string Word(ScriptRun run) => run.Outcome switch
    {
        Outcome.Passed => "ok",
        Outcome.Failed => "FAILED",
        _ => "skipped",
    };
}
