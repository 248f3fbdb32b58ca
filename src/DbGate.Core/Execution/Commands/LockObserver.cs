using DbGate.Core.Observation;
using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>
/// While the tool's command runs, a second connection polls pg_locks for the locks the tool's sessions hold in the
/// work database (every session there but DbGate's own two), with the <see cref="LockPoller"/> the observation layer
/// uses for a statement that runs outside a transaction. Only relations that existed before the step count; a lock
/// held for less than one poll may be missed, which is why what is seen is a lower bound.
/// </summary>
internal sealed class LockObserver : ICommandObserver
{
    private const string Relations = """
        SELECT c.oid::bigint, format('%I.%I', n.nspname, c.relname), c.relkind::text
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid >= 16384 AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
        """;

    public async Task<ICommandWatch> WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var relations = new Dictionary<long, (string Name, string Kind)>();
        await using (var command = new NpgsqlCommand(Relations, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                relations[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
        }
        // A tool spends most of a step starting up: polling flat out would take a core from it on a small CI machine,
        // and a lock that matters outlasts a millisecond.
        var poller = await LockPoller.StartAsync(connection, otherSessions: true, TimeSpan.FromMilliseconds(1), cancellationToken);
        return new Watch(relations, poller);
    }

    private sealed class Watch(Dictionary<long, (string Name, string Kind)> relations, LockPoller poller) : ICommandWatch
    {
        public async Task<CommandObservation> StopAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            IReadOnlySet<(long Oid, LockMode Mode)> seen;
            await using (poller)
                seen = await poller.StopAsync();
            var locks = seen
                .Where(l => relations.ContainsKey(l.Oid))
                .Select(l => new HeldLock(l.Oid, relations[l.Oid].Name, relations[l.Oid].Kind, l.Mode, PreExisting: true))
                .OrderBy(l => l.Name, StringComparer.Ordinal).ThenByDescending(l => l.Mode)
                .ToList();
            return new CommandObservation([], locks);
        }
    }
}
