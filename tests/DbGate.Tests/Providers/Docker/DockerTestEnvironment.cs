using DbGate.Core.Providers.Docker;

namespace DbGate.Tests.Providers.Docker;

/// <summary>What the Docker tests run against, from the environment CI sets.</summary>
internal static class DockerTestEnvironment
{
    /// <summary>DBGATE_DOCKER_IMAGE; the default is built without a registry by .ci/docker-setup.sh.</summary>
    public static string Image { get; } =
        Environment.GetEnvironmentVariable("DBGATE_DOCKER_IMAGE") is { Length: > 0 } image ? image : "dbgate/postgres:15";

    /// <summary>DBGATE_REQUIRE_DOCKER=1 turns "no engine" from a skip into a failure, so CI cannot pass by skipping.</summary>
    public static bool EngineRequired { get; } = Environment.GetEnvironmentVariable("DBGATE_REQUIRE_DOCKER") == "1";

    private static readonly Lazy<bool> Answers = new(() =>
    {
        // Attribute constructors cannot await; this runs once per test run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return DockerPostgresProvider.IsAvailableAsync(timeout.Token).GetAwaiter().GetResult();
    });

    public static bool EngineAnswers => Answers.Value;
}
