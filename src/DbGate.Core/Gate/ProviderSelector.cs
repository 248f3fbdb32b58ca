using DbGate.Core.Configuration;
using DbGate.Core.Providers;
using DbGate.Core.Providers.External;
using DbGate.Core.Providers.Local;

namespace DbGate.Core.Gate;

/// <summary>
/// Picks where PostgreSQL comes from. For auto, in order: an explicit connection, DBGATE_CONNECTION, this
/// machine's PostgreSQL binaries, Docker.
/// </summary>
public static class ProviderSelector
{
    public const string ConnectionVariable = "DBGATE_CONNECTION";

    public static async Task<IPostgresProvider> SelectAsync(GateOptions options, CancellationToken cancellationToken)
    {
        var connection = options.Connection ?? NullIfEmpty(Environment.GetEnvironmentVariable(ConnectionVariable));
        switch (options.Provider)
        {
            case "external":
                return new ExternalPostgresProvider(connection ?? throw new ConfigurationException($"--provider external needs --connection or {ConnectionVariable}"));
            case "local":
                return new LocalPostgresProvider();
            case "docker":
                return Docker(options);
        }
        if (connection is not null)
            return new ExternalPostgresProvider(connection);
        if (await LocalPostgresProvider.IsAvailableAsync(cancellationToken))
            return new LocalPostgresProvider();
        if (await Providers.Docker.DockerPostgresProvider.IsAvailableAsync(cancellationToken))
            return Docker(options);
        throw new InfrastructureException(
            $"no PostgreSQL available: install PostgreSQL server binaries (Debian: apt-get install postgresql), start Docker, or set --connection / {ConnectionVariable}");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Providers.Docker.DockerPostgresProvider Docker(GateOptions options) =>
        new Providers.Docker.DockerPostgresProvider(options.Image ?? Providers.Docker.DockerPostgresProvider.DefaultImage);
}
