namespace DbGate.Core.Providers.Docker;

/// <summary>A PostgreSQL container started for one run; disposing it removes the container.</summary>
internal sealed class DockerPostgresServer : IPostgresServer
{
    // Long enough for a force-remove under load, short enough not to hold up a terminal after Ctrl+C.
    private static readonly TimeSpan ExitRemovalTimeout = TimeSpan.FromSeconds(10);

    /// <summary>For a removal at the end of a run, which may wait for a loaded engine a while longer.</summary>
    private static readonly TimeSpan RemovalTimeout = TimeSpan.FromSeconds(60);

    private readonly RunContainer container;
    private readonly ExitCleanup exitCleanup;
    private int removed;

    public DockerPostgresServer(RunContainer container, string adminConnectionString, string description)
    {
        this.container = container;
        AdminConnectionString = adminConnectionString;
        Description = description;
        exitCleanup = new ExitCleanup(RemoveBeforeExit);
    }

    public string Description { get; }

    public string AdminConnectionString { get; }

    public string ContainerId => container.Id;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref removed, 1) == 1)
        {
            return;
        }
        exitCleanup.Dispose();
        // Bounded, so an engine that stops answering cannot hang the end of the run; the labels let the next run
        // reap what is left.
        using var timeout = new CancellationTokenSource(RemovalTimeout);
        try
        {
            await container.RemoveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // left for the reaper
        }
    }

    private void RemoveBeforeExit()
    {
        if (Interlocked.Exchange(ref removed, 1) == 1)
        {
            return;
        }
        try
        {
            // Exit and signal handlers cannot await; the process is ending anyway.
            container.RemoveAsync(CancellationToken.None).Wait(ExitRemovalTimeout);
        }
        catch (AggregateException)
        {
            // The next run's reaper removes what is left.
        }
    }
}
