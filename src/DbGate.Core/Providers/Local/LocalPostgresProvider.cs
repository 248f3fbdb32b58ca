namespace DbGate.Core.Providers.Local;

/// <summary>
/// The default provider: this machine's own PostgreSQL binaries, a throwaway cluster in a private temporary
/// directory, reachable only through a unix socket inside it, so concurrent runs never share a port.
/// </summary>
/// <param name="seedCluster">A stopped cluster to start a copy of instead of a fresh one (a cached migrated prefix).</param>
public sealed class LocalPostgresProvider(string? seedCluster = null) : IPostgresProvider
{
    public string Name => "local";

    /// <summary>True when initdb and postgres can be found; the auto provider asks this before choosing.</summary>
    public static async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        await PostgresBinaries.FindAsync(cancellationToken) is not null;

    /// <summary>The major version of the binaries found, such as "15"; null when there are none.</summary>
    public static async Task<string?> MajorVersionAsync(CancellationToken cancellationToken) =>
        (await PostgresBinaries.FindAsync(cancellationToken)) is { } binaries ? ServerVersions.Major(binaries.Version) : null;

    public async Task<IPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = await PostgresBinaries.FindAsync(cancellationToken)
            ?? throw new InfrastructureException(
                "no PostgreSQL server binaries found (initdb, postgres): install them (Debian: apt-get install postgresql), set DBGATE_PG_BINDIR, or use --provider docker or --connection");
        StaleRunReaper.Reap();
        return await LocalPostgresServer.StartAsync(binaries, cancellationToken, seedCluster);
    }
}
