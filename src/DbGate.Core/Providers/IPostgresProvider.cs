namespace DbGate.Core.Providers;

/// <summary>Something that can hand DbGate a PostgreSQL server to work in: local binaries, Docker, or an existing server.</summary>
public interface IPostgresProvider
{
    /// <summary>Short name used in configuration and messages: local, docker, external.</summary>
    string Name { get; }

    /// <summary>Starts (or reaches) a server. Throws <see cref="InfrastructureException"/> with a one-line reason when it cannot.</summary>
    Task<IPostgresServer> StartAsync(CancellationToken cancellationToken);
}
