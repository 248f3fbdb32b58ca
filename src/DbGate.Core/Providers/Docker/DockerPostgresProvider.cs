using System.Security.Cryptography;
using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace DbGate.Core.Providers.Docker;

/// <summary>
/// Starts a throwaway PostgreSQL container per run through Testcontainers. Ryuk is not used (it needs an image
/// from Docker Hub); instead every container carries its owner's labels, is removed on dispose and on process
/// exit, and containers left by killed runs are reaped when the next run starts.
/// </summary>
public sealed class DockerPostgresProvider : IPostgresProvider
{
    public const string DefaultImage = "postgres:17";

    private const string Superuser = "postgres";
    private const string MaintenanceDatabase = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    // Durability buys nothing on a server thrown away after the run, and costs most of its write time.
    private static readonly string[] ThrowawayServerSettings =
        ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

    // The default check runs pg_isready in the container once a second; logging in through the mapped port
    // every 100 ms is ready up to a second sooner, and proves the very path DbGate then uses.
    private static IWaitForContainerOS ReadyForLogin() => Wait.ForUnixContainer()
        .UntilDatabaseIsAvailable(NpgsqlFactory.Instance, strategy => strategy.WithInterval(TimeSpan.FromMilliseconds(100)));

    public DockerPostgresProvider(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        Image = image;
    }

    public string Name => "docker";

    public string Image { get; }

    /// <summary>Whether a Docker engine answers now; cheap enough for choosing a provider automatically.</summary>
    public static Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => DockerEngine.AnswersAsync(cancellationToken);

    public async Task<IPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = await DockerEngine.FindAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InfrastructureException(DockerEngine.NotReachableMessage);
        await ReapStaleContainersAsync(endpoint, cancellationToken).ConfigureAwait(false);

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var owner = ContainerOwner.ForCurrentProcess(TimeProvider.System);
        var container = new RunContainer(BuildContainer(endpoint, password, owner), endpoint, owner.RunId);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await container.Container.StartAsync(timeout.Token).ConfigureAwait(false);
            var adminConnectionString = AdminConnectionString(container.Container, password);
            var version = await ServerVersionAsync(adminConnectionString, timeout.Token).ConfigureAwait(false);
            return new DockerPostgresServer(container, adminConnectionString, $"PostgreSQL {version} (docker, {Image})");
        }
        catch (Exception failure)
        {
            await container.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            throw await StartFailure.DescribeAsync(failure, Image, password, StartTimeout, endpoint).ConfigureAwait(false);
        }
    }

    private PostgreSqlContainer BuildContainer(IDockerEndpointAuthenticationConfiguration endpoint, string password, ContainerOwner owner)
    {
        // Ryuk's image comes from Docker Hub, which CI cannot reach; our labels and reaper do its job instead.
        // This is process-wide, and Testcontainers reads it when a container is created.
        TestcontainersSettings.ResourceReaperEnabled = false;
        return new PostgreSqlBuilder(Image)
            .WithDockerEndpoint(endpoint)
            .WithUsername(Superuser)
            .WithPassword(password)
            .WithDatabase(MaintenanceDatabase)
            .WithCommand(ThrowawayServerSettings)
            .WithLabel(owner.ToLabels())
            .WithWaitStrategy(ReadyForLogin())
            // Testcontainers logs to the console by default, which would mix into DbGate's report output.
            .WithLogger(NullLogger.Instance)
            .Build();
    }

    private static async Task ReapStaleContainersAsync(IDockerEndpointAuthenticationConfiguration endpoint, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient(endpoint);
        try
        {
            await StaleContainerReaper.ReapAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException)
        {
            // Housekeeping only: if the engine is in trouble, starting the container says so in a better way.
        }
    }

    private static string AdminConnectionString(PostgreSqlContainer container, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = container.Hostname,
            Port = container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort),
            Username = Superuser,
            Password = password,
            Database = MaintenanceDatabase,
        }.ConnectionString;

    private static async Task<string> ServerVersionAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var oneOff = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(oneOff);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var show = new NpgsqlCommand("SHOW server_version", connection);
        var version = (string?)await show.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? "?";
        // "17.5 (Debian 17.5-1.pgdg120+1)": the packaging suffix is noise in a one-line description.
        return version.Split(' ', 2)[0];
    }
}
