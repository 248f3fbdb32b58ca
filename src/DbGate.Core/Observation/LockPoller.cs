using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Observation;

/// <summary>
/// Polls pg_locks from a second connection while something runs that commits as it goes, so that its locks are gone
/// before its own connection could read them: a statement outside any transaction block, or a migration tool's
/// command. A lock held for less than one poll may be missed, which is why what is seen is a lower bound.
/// </summary>
internal sealed class LockPoller : IAsyncDisposable
{
    /// <summary>The relation locks of one backend: the connection that runs the statement.</summary>
    private const string OneBackend =
        "SELECT l.relation::pg_catalog.int8, l.mode FROM pg_catalog.pg_locks l "
        + "WHERE l.pid = $1 AND l.granted AND l.locktype = 'relation' AND l.relation >= 16384";

    /// <summary>The relation locks of every session in the database but DbGate's own two: the tool's sessions.</summary>
    private const string OtherSessions =
        "SELECT l.relation::pg_catalog.int8, l.mode FROM pg_catalog.pg_locks l "
        + "WHERE l.granted AND l.locktype = 'relation' AND l.relation >= 16384 AND l.pid <> pg_catalog.pg_backend_pid() AND l.pid <> $1 "
        + "AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())";

    private readonly NpgsqlConnection _watcher;
    private readonly NpgsqlCommand _poll;
    private readonly TimeSpan _pause;
    private readonly CancellationTokenSource _stop;
    private readonly HashSet<(long Oid, LockMode Mode)> _seen = [];
    private Task? _polling;

    private LockPoller(NpgsqlConnection watcher, NpgsqlCommand poll, TimeSpan pause, CancellationToken cancellationToken)
    {
        _watcher = watcher;
        _poll = poll;
        _pause = pause;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Opens the second connection and starts polling.</summary>
    /// <param name="connection">DbGate's connection: the one whose statement runs, or the one beside the tool's sessions.</param>
    /// <param name="otherSessions">Poll the other sessions of the database instead of <paramref name="connection"/>'s backend.</param>
    /// <param name="pause">Between polls; zero polls flat out.</param>
    public static async Task<LockPoller> StartAsync(NpgsqlConnection connection, bool otherSessions, TimeSpan pause, CancellationToken cancellationToken)
    {
        var watcher = ((ICloneable)connection).Clone() as NpgsqlConnection ?? throw new InvalidOperationException("Npgsql connections clone");
        NpgsqlCommand? poll = null;
        try
        {
            await watcher.OpenAsync(cancellationToken);
            poll = new NpgsqlCommand(otherSessions ? OtherSessions : OneBackend, watcher)
            {
                Parameters = { new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = connection.ProcessID } },
            };
            await poll.PrepareAsync(cancellationToken);
        }
        catch
        {
            if (poll is not null)
                await poll.DisposeAsync();
            await watcher.DisposeAsync();
            throw;
        }
        var poller = new LockPoller(watcher, poll, pause, cancellationToken);
        poller._polling = poller.PollAsync();
        return poller;
    }

    /// <summary>Stops polling and returns every relation lock seen; a failed poll's error is thrown here.</summary>
    public async Task<IReadOnlySet<(long Oid, LockMode Mode)>> StopAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null)
            await _polling;
        return _seen;
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
                if (_pause > TimeSpan.Zero)
                    await Task.Delay(_pause, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // What ran has ended: what was seen is what there is.
        }
    }

    /// <summary>Stops a poller that was never stopped (what it ran threw) without hiding why, and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_polling is { IsCompleted: false })
        {
            await _stop.CancelAsync();
            try
            {
                await _polling;
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // Already on the way out with the error that stopped the caller; this one would only hide it.
            }
        }
        _stop.Dispose();
        await _poll.DisposeAsync();
        await _watcher.DisposeAsync();
    }
}
