using System.Globalization;

namespace DbGate.Core.Gate;

/// <summary>
/// The whole run's time limit (timeout in dbgate.yml, --timeout), joined to the caller's cancellation. Statement
/// timeouts are enforced by the server; this also holds when the server or the network stops answering at all.
/// </summary>
/// <remarks>
/// Cancelling a token runs its callbacks on the cancelling thread, and Npgsql's callback sends PostgreSQL a cancel
/// request synchronously, which against a server that does not answer takes tens of seconds. So <see cref="Token"/>
/// is cancelled on a thread of its own, and <see cref="Stopped"/> tells the run at once that it must stop.
/// </remarks>
internal sealed class RunDeadline : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _caller;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly Timer? _timer;
    private int _timedOut;

    public RunDeadline(TimeSpan? limit, CancellationToken caller)
    {
        _caller = caller;
        Limit = limit is { } l && l > TimeSpan.Zero ? l : null;
        _callerRegistration = caller.Register(Stop);
        if (Limit is { } after)
            _timer = new Timer(_ => TimeOut(), null, after, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan? Limit { get; }

    /// <summary>Cancelled when the limit passes or the caller cancels; what reacts to it may take a while to do so.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Completes the moment the run must stop, whatever is still reacting to <see cref="Token"/>.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>True once the limit has passed (and not because the caller cancelled first).</summary>
    public bool Expired => Volatile.Read(ref _timedOut) == 1 && !_caller.IsCancellationRequested;

    /// <summary>Why the run stopped, when it was this deadline that stopped it.</summary>
    public string Reason => Expired
        ? $"timed out: the run did not finish within its timeout of {Describe(Limit!.Value)}; raise timeout in dbgate.yml or --timeout if it needs longer"
        : "cancelled";

    public void Dispose()
    {
        _timer?.Dispose();
        _callerRegistration.Dispose();
        _source.Dispose();
    }

    private void TimeOut()
    {
        Volatile.Write(ref _timedOut, 1);
        Stop();
    }

    private void Stop()
    {
        if (!_stopped.TrySetResult())
            return;
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile; nothing is left to cancel.
            }
        });
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalHours >= 1 && limit.TotalHours == Math.Floor(limit.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalHours:0}h")
        : limit.TotalMinutes >= 1 && limit.TotalMinutes == Math.Floor(limit.TotalMinutes) ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0}min")
        : limit.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.###}s")
        : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMilliseconds:0}ms");
}
