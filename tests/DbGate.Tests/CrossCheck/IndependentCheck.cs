using System.Collections.Concurrent;
using DbGate.Core.Migrations;
using static DbGate.Tests.CrossCheck.StepVerdict;

namespace DbGate.Tests.CrossCheck;

/// <summary>
/// The cross-check's own verdict on every migration, from psql and pg_dump alone. The ups are applied in order
/// to a work database; after each, a clone of it (CREATE DATABASE … TEMPLATE) is dumped as the schema the up
/// produced, then takes the down and the up again. The clones' round trips run while the next ups are applied.
/// </summary>
internal sealed class IndependentCheck(ScratchDatabases server, int parallelism)
{
    public async Task<IReadOnlyDictionary<string, StepVerdict>> RunAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var work = "xcheck_" + Guid.NewGuid().ToString("N")[..12];
        var live = new HashSet<string>(StringComparer.Ordinal);
        var finished = new ConcurrentQueue<string>();
        var steps = new List<(string Id, Task<StepVerdict> Verdict)>();
        using var slots = new SemaphoreSlim(parallelism);
        var version = await server.ServerVersionAsync(cancellationToken);
        // FILE_COPY (PostgreSQL 15+) copies the files; the default WAL-logs every page, three times the server's work here.
        var strategy = version >= 150000 ? " STRATEGY = FILE_COPY" : "";
        var force = version >= 130000 ? " WITH (FORCE)" : "";
        await server.ExecuteAsync([$"CREATE DATABASE {work}"], cancellationToken);
        try
        {
            var before = Task.FromResult(await server.DumpAsync(work, cancellationToken));
            for (var i = 0; i < migrations.Count; i++)
            {
                var migration = migrations[i];
                var up = await server.RunScriptAsync(work, migration.Up.FullPath, migration.RunInTransaction, cancellationToken);
                if (up.Failed || migration.Down is null)
                {
                    // Without a round trip there is no clone: the schema after this step is dumped from the work database.
                    steps.Add((migration.Id, Task.FromResult(up.Failed ? new StepVerdict(UpFails, up.Error.Trim()) : new StepVerdict(NoDown))));
                    before = up.Failed && migration.RunInTransaction ? before : Task.FromResult(await server.DumpAsync(work, cancellationToken));
                    continue;
                }
                await slots.WaitAsync(cancellationToken);
                var clone = $"{work}_{i}";
                var drops = Drain(finished, live).Select(c => $"DROP DATABASE {c}{force}");
                await server.ExecuteAsync([.. drops, $"CREATE DATABASE {clone} TEMPLATE {work}{strategy}"], cancellationToken);
                live.Add(clone);
                var after = new TaskCompletionSource<SchemaDump>(TaskCreationOptions.RunContinuationsAsynchronously);
                steps.Add((migration.Id, RoundTripAsync(new Clone(migration, clone, before, after), Done, cancellationToken)));
                before = after.Task;

                void Done()
                {
                    finished.Enqueue(clone);
                    slots.Release();
                }
            }
            await Task.WhenAll(steps.Select(s => s.Verdict));
            return steps.ToDictionary(s => s.Id, s => s.Verdict.Result, StringComparer.Ordinal);
        }
        finally
        {
            // On failure, round trips still running must end before their databases are dropped under them.
            await Task.WhenAll(steps.Select(s => s.Verdict)).ContinueWith(_ => { }, TaskScheduler.Default);
            await server.ExecuteAsync([.. live.Append(work).Select(d => $"DROP DATABASE IF EXISTS {d}{force}")], CancellationToken.None);
        }
    }

    /// <summary>One step's clone, as the work database was right after the step's up.</summary>
    /// <param name="Before">The dump of the schema before the up, as the previous step's clone had it.</param>
    /// <param name="After">Set from this clone before anything runs in it, for the next step and for the redo.</param>
    private sealed record Clone(Migration Migration, string Name, Task<SchemaDump> Before, TaskCompletionSource<SchemaDump> After);

    private async Task<StepVerdict> RoundTripAsync(Clone clone, Action done, CancellationToken cancellationToken)
    {
        try
        {
            var after = await server.DumpAsync(clone.Name, cancellationToken);
            clone.After.SetResult(after);
            var down = await server.RunScriptAsync(clone.Name, clone.Migration.Down!.FullPath, clone.Migration.RunInTransaction, cancellationToken);
            if (down.Failed)
                return new(DownFails, down.Error.Trim());
            var restored = (await clone.Before).Compare(await server.DumpAsync(clone.Name, cancellationToken));
            if (!restored.Equal && !restored.OnlyColumnOrder)
                return new(DownDiffers, restored.Summary);
            var redo = await RedoAsync(clone, after, cancellationToken);
            return restored.Equal ? redo : AfterColumnOrder(redo) with { Evidence = $"{restored.Summary} {redo.Evidence}".Trim() };
        }
        catch (Exception e)
        {
            clone.After.TrySetException(e);
            throw;
        }
        finally
        {
            done();
        }
    }

    private async Task<StepVerdict> RedoAsync(Clone clone, SchemaDump after, CancellationToken cancellationToken)
    {
        var redo = await server.RunScriptAsync(clone.Name, clone.Migration.Up.FullPath, clone.Migration.RunInTransaction, cancellationToken);
        if (redo.Failed)
            return new(RedoFails, redo.Error.Trim());
        var again = after.Compare(await server.DumpAsync(clone.Name, cancellationToken));
        return again.Equal ? new(Ok) : new(RedoDiffers, again.Summary);
    }

    private static List<string> Drain(ConcurrentQueue<string> finished, HashSet<string> live)
    {
        var drained = new List<string>();
        while (finished.TryDequeue(out var clone))
        {
            live.Remove(clone);
            drained.Add(clone);
        }
        return drained;
    }
}
