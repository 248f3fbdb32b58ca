using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Execution.Commands;
using DbGate.Core.Execution.Privileges;
using DbGate.Core.Migrations;
using DbGate.Core.Providers;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Gate;

/// <summary>
/// Every step of one run, on a server that is ready, in a task of its own that the run can stop waiting for. A server
/// that stops answering (a paused container, a network that drops packets silently) can hold a client call long past
/// its cancellation, yet the run must still end on time, write its reports and remove the server; removing the server
/// is also what finally breaks such a call.
/// </summary>
internal sealed class StepLoop
{
    /// <summary>How long a cancelled or timed-out run may take to notice; past it, it is left behind.</summary>
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long dropping the work database may take once the steps are over.</summary>
    private static readonly TimeSpan TeardownGrace = TimeSpan.FromSeconds(15);

    private readonly List<StepFacts> _facts = [];
    private readonly TaskCompletionSource _stepsOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RunDeadline _deadline;
    private string? _interruption;
    private Migration? _current;
    private RunIdentity? _identity;
    private Health.HealthOutcome _health = Health.HealthOutcome.None;
    private Benchmarks.BenchmarkOutcome _benchmarks = Benchmarks.BenchmarkOutcome.None;

    private StepLoop(RunDeadline deadline) => _deadline = deadline;

    /// <returns>The facts of the steps that ended, why the run stopped early (null when it did not), whom the migrations
    /// ran as, the schema health checks' findings and what the benchmarks saw (none of either when the run stopped early).</returns>
    /// <param name="open">Creates the work database and says which migrations to check in it (all, or those after a --changed prefix).</param>
    public static async Task<(IReadOnlyList<StepFacts> Facts, string? Interruption, RunIdentity? Identity, Health.HealthOutcome Health, Benchmarks.BenchmarkOutcome Benchmarks)> RunAsync(
        Func<CancellationToken, Task<PrefixStart.WorkStart>> open, MigrationSet set, GateOptions options, GateProgress progress, RunDeadline deadline)
    {
        var loop = new StepLoop(deadline);
        var work = loop.WorkAsync(open, set, options, progress);
        await Task.WhenAny(loop._stepsOver.Task, deadline.Stopped);
        var grace = loop._stepsOver.Task.IsCompleted ? TeardownGrace : UnwindGrace;
        await Task.WhenAny(work, Task.Delay(grace, CancellationToken.None));
        if (work.IsCompleted)
            await work; // a bug in a step surfaces here as the exception it is
        else
            _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default); // left behind: observe whatever it ends with

        lock (loop._facts)
        {
            var interruption = loop._interruption ?? (loop._stepsOver.Task.IsCompleted ? null : deadline.Reason);
            return ([.. loop._facts], interruption, loop._identity, interruption is null ? loop._health : Health.HealthOutcome.None,
                interruption is null ? loop._benchmarks : Benchmarks.BenchmarkOutcome.None);
        }
    }

    private async Task WorkAsync(Func<CancellationToken, Task<PrefixStart.WorkStart>> open, MigrationSet set, GateOptions options, GateProgress progress)
    {
        var cancellationToken = _deadline.Token;
        try
        {
            var (work, migrations, prefix) = await open(cancellationToken);
            await using var database = work;
            lock (_facts)
                _identity = database.Identity;
            try
            {
                // Only the tool's own history is left out of the comparison.
                var snapshots = SnapshotOptions.Default.For(set.History) with { IncludePrivileges = options.ComparePrivileges };
                // The sizes the lint judges by; null when nothing is observed. With the lint off, the health checks still
                // observe the ups, which is what places each object's origin at its statement; the lint rules then see
                // no statements.
                var lint = options.Lint.Enabled || options.Health.Enabled ? options.Lint.Sizes : null;
                Health.HealthRun? health;
                // What each step changed, so a benchmark's plan change can name its migration.
                var changes = options.Benchmarks.Queries.Count > 0 ? new Benchmarks.TableChanges() : null;
                if (set.Commands is { } commands)
                {
                    // The tool runs the steps: what each changed is known from the snapshots around it, so provenance
                    // and the benchmarks' table changes name the step (and its source file), not a statement.
                    var start = await CommandStart(database, snapshots, cancellationToken);
                    health = await StartHealthAsync(database, start, snapshots, options, null, cancellationToken);
                    changes?.Start(start);
                    await foreach (var (step, before, after) in CommandStepRunner.RunAsync(database, commands, snapshots, start, options.StatementTimeout, cancellationToken, options.Lint.Enabled ? lint : null))
                    {
                        Record(step, progress);
                        if (step.Up.Outcome == Results.Outcome.Skipped)
                            continue;
                        changes?.Record(step.Migration, before, after);
                        if (health is not null)
                            await health.StepDoneAsync(database, step.Migration, null, after, step.Statements, cancellationToken);
                    }
                }
                else
                {
                    await using var runner = await StepRunner.StartAsync(database, snapshots, options.CheckData, cancellationToken, lint, observeDowns: options.Lint.Enabled);
                    health = await StartHealthAsync(database, runner.Current, snapshots, options, prefix, cancellationToken);
                    changes?.Start(runner.Current);
                    foreach (var migration in migrations)
                    {
                        _current = migration;
                        progress.Step?.Invoke(_facts.Count + 1, migrations.Count, migration.Id);
                        var before = runner.Current;
                        var step = await runner.RunAsync(migration, options.Irreversible.Contains(migration.Id), cancellationToken);
                        Record(options.Lint.Enabled ? step : step with { Statements = [] }, progress);
                        changes?.Record(migration, before, runner.Current);
                        if (health is not null)
                            await health.StepDoneAsync(database, migration, step.UpScript!, runner.Current, step.Statements, cancellationToken);
                    }
                }
                if (health is not null)
                    _health = await health.FinishAsync(database, options, migrations.Count < set.Migrations.Count, progress.Log ?? (_ => { }), cancellationToken);
                _current = null;
                if (options.Benchmarks.Queries.Count > 0)
                {
                    progress.Stage?.Invoke("seeding and benchmarking");
                    var finalSchema = _facts.All(f => !f.Up.Failed);
                    _benchmarks = await Benchmarks.BenchmarkStage.RunAsync(database, set, finalSchema, options.Benchmarks, options.Seed, progress.Log ?? (_ => { }), cancellationToken, changes);
                }
            }
            catch (Exception e) when (Interruption(e) is { } reason)
            {
                // Recorded before the database is dropped, which may take long on a server that is in trouble.
                Interrupt(reason);
            }
            finally
            {
                _stepsOver.TrySetResult();
            }
        }
        catch (Exception e) when (Interruption(e) is { } reason)
        {
            Interrupt(reason);
        }
        finally
        {
            _stepsOver.TrySetResult();
        }
    }

    private static async Task<SchemaSnapshot> CommandStart(WorkDatabase database, SnapshotOptions snapshots, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken);
    }

    /// <param name="prefix">Where the objects of a --changed run's unchanged migrations came from.</param>
    private static async Task<Health.HealthRun?> StartHealthAsync(WorkDatabase database, SchemaSnapshot before, SnapshotOptions snapshots, GateOptions options, Provenance.SchemaProvenance? prefix, CancellationToken cancellationToken) =>
        options.Health.Enabled
            ? await Health.HealthRun.StartAsync(database, before, prefix, snapshots, options.Health, options.Lint.Sizes, options.Superuser, cancellationToken)
            : null;

    private void Record(StepFacts step, GateProgress progress)
    {
        lock (_facts)
            _facts.Add(step);
        progress.Log?.Invoke(StepLine(step));
    }

    private void Interrupt(string reason)
    {
        lock (_facts)
            _interruption ??= reason;
    }

    /// <summary>
    /// Why the run cannot go on, or null for an exception that is a bug. Once the deadline has passed, whatever broke
    /// broke because of it (Npgsql ends a cancelled command by breaking its connection).
    /// </summary>
    private string? Interruption(Exception e)
    {
        if (_deadline.Stopped.IsCompleted && (e is OperationCanceledException || ServerFault.Describe(e) is not null))
            return _deadline.Reason;
        var fault = ServerFault.Describe(e);
        return fault is null || e is ServerFaultException || _current is null ? fault : $"{fault} while checking {_current.Id}";
    }

    private static string StepLine(StepFacts step) =>
        $"{step.Migration.Id}: up {Word(step.Up)}{Rewrites(step)}, down {Word(step.Down)}, redo {Word(step.Redo)}";

    private static string Rewrites(StepFacts step) => step.Rewritten.Count == 0 ? "" : $" (rewrote {string.Join(", ", step.Rewritten)})";

    private static string Word(ScriptRun run) => run.Outcome switch
    {
        Results.Outcome.Passed => "ok",
        Results.Outcome.Failed => "FAILED",
        _ => "skipped",
    };
}
