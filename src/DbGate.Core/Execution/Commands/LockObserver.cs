using DbGate.Core.Observation;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Execution.Commands;

/// <summary>
/// While the tool's command runs, a second connection polls pg_locks for the locks the tool's sessions hold in the
/// work database (every session there but DbGate's own two), as the observation layer does for a statement that runs
/// outside a transaction. Only relations that existed before the step count; a lock held for less than one poll may
/// be missed, which is why what is seen is a lower bound.
/// </summary>
internal sealed class LockObserver : ICommandObserver
{
    private const string Relations = """
        SELECT c.oid::bigint, format('%I.%I', n.nspname, c.relname), c.relkind::text
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid >= 16384 AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
        """;

    private const string Poll =
        "SELECT l.relation::pg_catalog.int8, l.mode FROM pg_catalog.pg_locks l "
        + "WHERE l.granted AND l.locktype = 'relation' AND l.relation >= 16384 AND l.pid <> pg_catalog.pg_backend_pid() AND l.pid <> $1 "
        + "AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())";

    public async Task<ICommandWatch> WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var relations = new Dictionary<long, (string Name, string Kind)>();
        await using (var command = new NpgsqlCommand(Relations, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                relations[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
        }
        var watcher = ((ICloneable)connection).Clone() as NpgsqlConnection ?? throw new InvalidOperationException("Npgsql connections clone");
        await watcher.OpenAsync(cancellationToken);
        var poll = new NpgsqlCommand(Poll, watcher) { Parameters = { new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = connection.ProcessID } } };
        await poll.PrepareAsync(cancellationToken);
        return new Watch(relations, watcher, poll, cancellationToken);
    }

    private sealed class Watch : ICommandWatch
    {
        private readonly Dictionary<long, (string Name, string Kind)> _relations;
        private readonly NpgsqlConnection _watcher;
        private readonly NpgsqlCommand _poll;
        private readonly CancellationTokenSource _stop;
        private readonly HashSet<(long Oid, LockMode Mode)> _seen = [];
        private readonly Task _polling;

        public Watch(Dictionary<long, (string Name, string Kind)> relations, NpgsqlConnection watcher, NpgsqlCommand poll, CancellationToken cancellationToken)
        {
            _relations = relations;
            _watcher = watcher;
            _poll = poll;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _polling = PollAsync();
        }

        public async Task<CommandObservation> StopAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await _stop.CancelAsync();
            try
            {
                await _polling;
            }
            finally
            {
                _stop.Dispose();
                await _poll.DisposeAsync();
                await _watcher.DisposeAsync();
            }
            var locks = _seen
                .Where(l => _relations.ContainsKey(l.Oid))
                .Select(l => new HeldLock(l.Oid, _relations[l.Oid].Name, _relations[l.Oid].Kind, l.Mode, PreExisting: true))
                .OrderBy(l => l.Name, StringComparer.Ordinal).ThenByDescending(l => l.Mode)
                .ToList();
            return new CommandObservation([], locks);
        }

        private async Task PollAsync()
        {
            await Task.Yield();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await using (var reader = await _poll.ExecuteReaderAsync(_stop.Token))
                    {
                        while (await reader.ReadAsync(_stop.Token))
                            _seen.Add((reader.GetInt64(0), LockModes.Parse(reader.GetString(1))));
                    }
                    // A tool spends most of a step starting up: polling flat out would take a core from it on a
                    // small CI machine, and a lock that matters outlasts a millisecond.
                    await Task.Delay(1, _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The command ended: what was seen is what there is.
            }
        }
    }
}
