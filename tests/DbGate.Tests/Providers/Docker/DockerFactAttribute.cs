namespace DbGate.Tests.Providers.Docker;

/// <summary>A fact that needs a real Docker engine: skipped with a reason when none answers, unless DBGATE_REQUIRE_DOCKER=1.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (!DockerTestEnvironment.EngineRequired && !DockerTestEnvironment.EngineAnswers)
        {
            Skip = "No Docker engine answers: run .ci/docker-setup.sh or set DOCKER_HOST (DBGATE_REQUIRE_DOCKER=1 makes this a failure).";
        }
    }
}
