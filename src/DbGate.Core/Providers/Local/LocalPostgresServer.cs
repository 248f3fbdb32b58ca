using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DbGate.Core.Providers.Local;

/// <summary>A postmaster DbGate started itself; disposing it stops the process and deletes every file it had.</summary>
internal sealed class LocalPostgresServer : IPostgresServer
{
    internal const string OwnerFile = "dbgate-owner";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _postmaster;
    private readonly ServerLog _log;
    private int _stopping;

    private LocalPostgresServer(string runDirectory, Process postmaster, ServerLog log, string description)
    {
        RunDirectory = runDirectory;
        _postmaster = postmaster;
        _log = log;
        Description = description;
        // A postmaster that dies under the run (killed, crashed) leaves backends that may never notice: end them, so
        // the run's connections break and it ends incomplete instead of waiting on a server that is gone.
        postmaster.EnableRaisingEvents = true;
        postmaster.Exited += (_, _) =>
        {
            if (Volatile.Read(ref _stopping) == 0)
                ServerProcesses.KillAll(DataDirectory);
        };
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = runDirectory,
            Port = 5432,
            Username = ClusterTemplateCache.SuperUser,
            Database = "postgres",
        }.ConnectionString;
    }

    public string RunDirectory { get; }

    private string DataDirectory => Path.Combine(RunDirectory, "data");

    public string Description { get; }

    public string AdminConnectionString { get; }

    /// <param name="seedCluster">A stopped cluster to start a copy of (a cached migrated prefix); null for a fresh one.</param>
    public static async Task<LocalPostgresServer> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken, string? seedCluster = null)
    {
        var runAs = UnixUser.IsRoot ? UnixUser.ForServer() : null;
        var runner = new ServerProcessRunner(runAs);
        var runDirectory = Directory.CreateTempSubdirectory("dbgate-").FullName;
        Process? postmaster = null;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(runDirectory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            runAs?.Own(runDirectory);
            var data = Path.Combine(runDirectory, "data");
            if (seedCluster is null)
                await new ClusterTemplateCache(binaries, runAs, runner).CreateClusterAsync(data, cancellationToken);
            else if (!await ClusterTemplateCache.TryCopyAsync(seedCluster, data, cancellationToken))
                throw new InfrastructureException($"could not copy the cached cluster {seedCluster}");

            postmaster = runner.Start(binaries.Postgres, ServerSettings.Arguments(data, runDirectory));
            var log = new ServerLog(postmaster);
            await log.WaitUntilReadyAsync(StartTimeout, cancellationToken);
            return new LocalPostgresServer(runDirectory, postmaster, log, $"PostgreSQL {binaries.Version} (local, {binaries.BinDirectory})");
        }
        catch
        {
            await StopAsync(postmaster);
            DeleteQuietly(runDirectory);
            postmaster?.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server cleanly and copies its data directory to <paramref name="destination"/>, to start again later.</summary>
    public async Task StopAndCopyDataAsync(string destination, CancellationToken cancellationToken)
    {
        await StopAsync(_postmaster);
        if (!_postmaster.HasExited || !await ClusterTemplateCache.TryCopyAsync(Path.Combine(RunDirectory, "data"), destination, cancellationToken))
            throw new IOException($"could not copy the cluster in {RunDirectory}");
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _stopping, 1);
        await StopAsync(_postmaster);
        ServerProcesses.KillAll(DataDirectory);
        _log.Dispose();
        _postmaster.Dispose();
        DeleteQuietly(RunDirectory);
    }

    /// <summary>Fast shutdown first (it ends backends cleanly); escalate when the server does not go.</summary>
    internal static async Task StopAsync(Process? postmaster)
    {
        if (postmaster is null || postmaster.HasExited)
            return;
        foreach (var (signal, grace) in new[] { (NativeMethods.SigInt, 10), (NativeMethods.SigQuit, 5), (NativeMethods.SigKill, 5) })
        {
            _ = NativeMethods.kill(postmaster.Id, signal);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(grace));
            try
            {
                await postmaster.WaitForExitAsync(timeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // escalate
            }
        }
    }

    internal static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing useful to do mid-teardown; the next run's reaper tries again.
        }
    }
}
