using DbGate.Core.Observation;
using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>What was seen of the database while one command step ran.</summary>
/// <param name="Rewrites">Pre-existing relations whose files the step replaced (a rewrite: same OID, new relfilenode).</param>
/// <param name="Locks">Locks the tool's sessions were seen holding on pre-existing relations while the step ran.</param>
internal sealed record CommandObservation(IReadOnlyList<Rewrite> Rewrites, IReadOnlyList<HeldLock> Locks);

/// <summary>
/// Watches the work database around one command step, from DbGate's own connection: the
/// <see cref="RewriteObserver"/> compares relfilenodes before and after, the <see cref="LockObserver"/> polls
/// pg_locks from a second connection while the step runs.
/// </summary>
internal interface ICommandObserver
{
    /// <summary>Called right before the command starts; the watch is stopped right after it ends.</summary>
    Task<ICommandWatch> WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}

internal interface ICommandWatch
{
    Task<CommandObservation> StopAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}
