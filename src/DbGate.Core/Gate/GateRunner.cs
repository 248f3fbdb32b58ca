using System.Diagnostics;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
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
        var result = options.Versions.Count > 0
            ? await VersionMatrix.RunAsync(options, o => RunOnceAsync(o, log, cancellationToken), cancellationToken)
            : await RunOnceAsync(options, log, cancellationToken);
        return await Baselines.BaselineFilter.ApplyAsync(result, options, cancellationToken);
    }

    private static async Task<GateResult> RunOnceAsync(GateOptions options, Action<string>? log, CancellationToken cancellationToken)
    {
        log ??= _ => { };
        var clock = Stopwatch.StartNew();
        var migrations = MigrationDiscovery.Discover(options.MigrationsPath, options.ProjectRoot, options.Format);
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        log($"starting PostgreSQL ({provider.Name}) for {migrations.Count} migrations");

        await using var server = await provider.StartAsync(cancellationToken);
        log($"{server.Description} ready after {clock.Elapsed.TotalSeconds:0.00} s");
        var facts = new List<StepFacts>();
        string? interruption = null;
        var health = Health.HealthOutcome.None;
        Execution.Privileges.RunIdentity? identity = null;
        try
        {
            await using var database = await WorkDatabase.CreateAsync(server, new WorkDatabaseOptions(options.StatementTimeout, options.Superuser, options.Extensions, options.AllowExistingDatabase), cancellationToken);
            identity = database.Identity;
            await using var runner = await StepRunner.StartAsync(database, SnapshotOptions.Default with { IncludePrivileges = options.ComparePrivileges }, options.CheckData, cancellationToken);
            var schemaHealth = options.Health.Enabled ? await Health.HealthRun.StartAsync(database, runner.Current, options.Health, options.Sizes, options.Superuser, cancellationToken) : null;
            foreach (var migration in migrations)
            {
                var step = await runner.RunAsync(migration, options.Irreversible.Contains(migration.Id), cancellationToken);
                facts.Add(step);
                if (schemaHealth is not null)
                    await schemaHealth.StepDoneAsync(database, migration, runner.Current, cancellationToken);
                log(StepLine(step));
            }
            if (schemaHealth is not null)
                health = await schemaHealth.FinishAsync(database, options.RuleLevels, log, cancellationToken);
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
        return Judge.Verdict(options, server.Description, facts, health.Findings, clock.Elapsed, interruption) with
        {
            ChangeDiagram = health.ChangeDiagram,
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
