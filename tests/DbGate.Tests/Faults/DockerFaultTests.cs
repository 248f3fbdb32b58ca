using DbGate.Core.Providers.Docker;
using DbGate.Tests.Providers.Docker;
using Docker.DotNet;

namespace DbGate.Tests.Faults;

/// <summary>The run's own container killed or paused under it, with the real engine, as `docker kill` and `docker pause` do.</summary>
public sealed class DockerFaultTests
{
    [DockerFact]
    public async Task The_container_killed_mid_statement_ends_the_run_with_exit_3_and_no_container_left()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;").Step("2_sleep", "SELECT pg_sleep(600);");

        using var cli = project.Start("--provider", "docker", "--image", DockerTestEnvironment.Image);
        var container = await ContainerInSleepAsync(cli);
        using (var client = await ClientAsync())
            await client.Containers.KillContainerAsync(container, new Docker.DotNet.Models.ContainerKillParameters { Signal = "SIGKILL" });
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

        await IncompleteRun.AssertAsync(exit, error, project, "lost the connection to PostgreSQL");
        Assert.Equal(3, IncompleteRun.ReportedSteps(project).Count);
        Assert.False(await DockerTestContainers.ExistsAsync(container));
    }

    [DockerFact]
    public async Task A_paused_container_that_never_answers_again_is_bounded_by_the_run_timeout_and_removed()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;").Step("2_sleep", "SELECT pg_sleep(600);");

        // Paused as soon as the server is ready, wherever the run is by then: the limit must leave a loaded machine
        // time to start the container, and the run must not have reached its end before the pause.
        using var cli = project.Start("--provider", "docker", "--image", DockerTestEnvironment.Image, "--timeout", "20s");
        await cli.WaitForErrorTextAsync("ready after", TimeSpan.FromSeconds(120));
        var container = await DockerTestContainers.OwnedByAsync(cli.Id);
        using (var client = await ClientAsync())
            await client.Containers.PauseContainerAsync(container);
        // Bounded: the run ends by itself, although nothing in the container answers any more.
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Bounded);

        await IncompleteRun.AssertAsync(exit, error, project, "timed out: the run did not finish within its timeout of 20s");
        Assert.False(await DockerTestContainers.ExistsAsync(container));
    }

    /// <summary>The run's container, once the run has moved on from the first step to the second's pg_sleep.</summary>
    private static async Task<string> ContainerInSleepAsync(Infrastructure.CliProcess cli)
    {
        await cli.WaitForErrorTextAsync("1_create: up ok", TimeSpan.FromSeconds(120));
        var container = await DockerTestContainers.OwnedByAsync(cli.Id);
        await Task.Delay(1000); // into the pg_sleep; a fault a little earlier must end the same way
        return container;
    }

    private static async Task<DockerClient> ClientAsync() =>
        DockerEngine.CreateClient(await DockerEngine.FindAsync(CancellationToken.None) ?? throw new InvalidOperationException("No Docker engine answers."));
}
