using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>What was seen of the database while one command step ran.</summary>
/// <param name="Rewritten">Relations whose files the step replaced (a rewrite: same OID, new relfilenode).</param>
internal sealed record CommandObservation(IReadOnlyList<string> Rewritten)
{
    public static readonly CommandObservation Nothing = new([]);
}

/// <summary>
/// Watches the work database around one command step, from DbGate's own connection. The seam where the observation
/// layer's lock polling (a second connection reading pg_locks while the step runs) plugs in; today the
/// <see cref="RewriteObserver"/> compares relfilenodes before and after.
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
