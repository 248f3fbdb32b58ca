using System.Diagnostics;

namespace DbGate.Core.Providers.Local;

/// <summary>
/// Drains the postmaster's stderr for its whole life (a full pipe would stall the server) and tells when
/// the server is ready, or why it died.
/// </summary>
internal sealed class ServerLog : IDisposable
{
    private const int Kept = 20;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerLog(Process process)
    {
        _process = process;
        process.ErrorDataReceived += OnLine;
        process.OutputDataReceived += OnLine;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        var first = await Task.WhenAny(_ready.Task, exited);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == _ready.Task)
            return;
        if (_process.HasExited)
            throw new InfrastructureException($"PostgreSQL exited while starting: {LastLine()}");
        throw new InfrastructureException($"PostgreSQL did not become ready within {timeout.TotalSeconds:0} s: {LastLine()}");
    }

    private void OnLine(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
            return;
        if (e.Data.Contains("ready to accept connections", StringComparison.Ordinal))
            _ready.TrySetResult();
        lock (_lastLines)
        {
            _lastLines.Enqueue(e.Data);
            if (_lastLines.Count > Kept)
                _lastLines.Dequeue();
        }
    }

    private string LastLine()
    {
        lock (_lastLines)
            return _lastLines.LastOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal))
                ?? _lastLines.LastOrDefault() ?? "no output";
    }

    public void Dispose()
    {
        _process.ErrorDataReceived -= OnLine;
        _process.OutputDataReceived -= OnLine;
    }
}
