using System.Diagnostics;

namespace DbGate.Core.Providers.Local;

/// <summary>
/// Keeps one pristine initdb result per server version and user, because copying it takes a tenth of the
/// time initdb does. The cache is an optimisation only: when it cannot be used, the caller runs initdb.
/// </summary>
internal sealed class ClusterTemplateCache(PostgresBinaries binaries, UnixUser? runAs, ServerProcessRunner runner)
{
    public const string SuperUser = "dbgate";

    private string Root => CacheRoot.Path(runAs);

    /// <summary>Creates <paramref name="dataDirectory"/> as a fresh cluster: a copy of the cached template when possible.</summary>
    public async Task CreateClusterAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var template = await TryGetTemplateAsync(cancellationToken);
        if (template is not null && await TryCopyAsync(template, dataDirectory, cancellationToken))
            return;
        // A copy that failed half-way (a full disk) leaves files initdb refuses to run over.
        LocalPostgresServer.DeleteQuietly(dataDirectory);
        await InitDbAsync(dataDirectory, cancellationToken);
    }

    private async Task<string?> TryGetTemplateAsync(CancellationToken cancellationToken)
    {
        var key = $"pg{binaries.Version}-{runAs?.Uid ?? -1}-{StableHash(binaries.BinDirectory)}-wal1";
        var template = Path.Combine(Root, "clusters", key);
        if (Directory.Exists(template))
            return template;
        // Concurrent first runs each build a template in a staging folder of their own; the first rename wins, and
        // the others use it. The rename is atomic, so a template that exists is always whole.
        var staging = template + ".staging-" + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(staging);
            runAs?.Own(staging);
            await InitDbAsync(Path.Combine(staging, "data"), cancellationToken);
            Directory.Move(Path.Combine(staging, "data"), template);
            return template;
        }
        catch (IOException) when (Directory.Exists(template))
        {
            return template; // another run created it first
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InfrastructureException)
        {
            return null; // the caller's own initdb reports the real problem, if there is one
        }
        finally
        {
            LocalPostgresServer.DeleteQuietly(staging);
        }
    }

    /// <summary>Copies a cluster (a template, a cached prefix, a run's data folder); false when cp failed.</summary>
    internal static async Task<bool> TryCopyAsync(string template, string dataDirectory, CancellationToken cancellationToken)
    {
        // cp -a keeps the server user's ownership and the 0700 mode PostgreSQL insists on.
        using var copy = Process.Start(new ProcessStartInfo("cp", ["-a", template, dataDirectory]) { RedirectStandardError = true }.WithoutSecrets());
        if (copy is null)
            return false;
        // Drained to the end: on a full disk cp complains once per file, and an unread pipe would stall it for good.
        var errors = copy.StandardError.ReadToEndAsync(cancellationToken);
        await copy.WaitForExitAsync(cancellationToken);
        await errors;
        return copy.ExitCode == 0;
    }

    private async Task InitDbAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunToEndAsync(
            binaries.InitDb,
            // 1 MB WAL segments instead of 16: every run copies the cluster, and an empty segment is most of it.
            ["-D", dataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions", "--wal-segsize=1"],
            cancellationToken);
        if (result.ExitCode != 0)
            throw new InfrastructureException($"initdb failed: {result.LastLine}");
    }

    private static string StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
