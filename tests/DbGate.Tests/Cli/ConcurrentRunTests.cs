using System.Globalization;
using System.Text.Json;
using DbGate.Core.Providers.Docker;
using DbGate.Tests.Faults;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Cli;

/// <summary>
/// Eight real CLI processes checking the same project at once, writing the same report files, as CI jobs on one
/// runner or a developer's pre-push hooks do: they share the temporary folder, the initdb cache and the Docker engine,
/// and must collide on none of them (sockets, ports, directories, cache, container names, report files).
/// </summary>
public sealed class ConcurrentRunTests
{
    private const int Runs = 8;

    [Fact]
    public async Task Eight_local_runs_at_once_all_pass_share_one_cache_and_leave_whole_reports_and_nothing_else()
    {
        using var shared = new FaultProject();
        var cache = Path.Combine(shared.Path, "cache"); // empty: all eight race to build the initdb template
        var reports = Path.Combine(shared.Path, "reports");

        var results = await RunAllAsync(shared, reports, "local", new Dictionary<string, string> { ["DBGATE_CACHE_DIR"] = cache });

        AssertAllPassed(results);
        await AssertWholeReportsAsync(reports);
        Assert.Single(Directory.GetDirectories(Path.Combine(cache, "clusters"))); // one template, no staging folder left
        IncompleteRun.AssertNothingLeft(shared);
    }

    [DockerFact]
    public async Task Eight_docker_runs_at_once_all_pass_and_leave_whole_reports_and_no_container()
    {
        using var shared = new FaultProject();
        var reports = Path.Combine(shared.Path, "reports");

        var results = await RunAllAsync(shared, reports, "docker", new Dictionary<string, string>(), "--image", DockerTestEnvironment.Image);

        AssertAllPassed(results);
        await AssertWholeReportsAsync(reports);
        using var client = DockerEngine.CreateClient((await DockerEngine.FindAsync(CancellationToken.None))!);
        foreach (var pid in results.Select(r => r.Pid))
        {
            var left = await client.Containers.ListContainersAsync(
                ContainerRemoval.LabelledWith(string.Create(CultureInfo.InvariantCulture, $"{ContainerOwner.PidLabel}={pid}")));
            Assert.Empty(left);
        }
    }

    private static async Task<(int Pid, int Exit, string Output, string Error)[]> RunAllAsync(
        FaultProject shared, string reports, string provider, Dictionary<string, string> environment, params string[] options)
    {
        environment["TMPDIR"] = shared.TempDirectory;
        var clis = Enumerable.Range(0, Runs).Select(_ => CliProcess.Start(
            ["check", "samples/shop", "--provider", provider, .. options,
             "--json", Path.Combine(reports, "dbgate.json"), "--sarif", Path.Combine(reports, "dbgate.sarif"),
             "--junit", Path.Combine(reports, "dbgate.junit.xml"), "--markdown", Path.Combine(reports, "dbgate.md")],
            environment)).ToList();
        try
        {
            return await Task.WhenAll(clis.Select(async cli =>
            {
                var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(3));
                return (cli.Id, exit, output, error);
            }));
        }
        finally
        {
            foreach (var cli in clis)
                cli.Dispose();
        }
    }

    private static void AssertAllPassed((int Pid, int Exit, string Output, string Error)[] results) =>
        Assert.All(results, r =>
        {
            Assert.True(r.Exit == 0, $"exit {r.Exit}: {r.Error}");
            Assert.Contains("PASSED", r.Output, StringComparison.Ordinal);
        });

    /// <summary>Each report is one whole run's, valid against its schema, and no temporary file is left beside them.</summary>
    private static async Task AssertWholeReportsAsync(string reports)
    {
        Assert.Equal(
            ["dbgate.json", "dbgate.junit.xml", "dbgate.md", "dbgate.sarif"],
            Directory.GetFiles(reports).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(await SarifSchema.ValidateAsync(await File.ReadAllTextAsync(Path.Combine(reports, "dbgate.sarif"))));
        Assert.Empty(JUnitSchema.Validate(await File.ReadAllTextAsync(Path.Combine(reports, "dbgate.junit.xml"))));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "dbgate.json")));
        Assert.Equal("passed", json.RootElement.GetProperty("verdict").GetString());
        Assert.EndsWith("\n", await File.ReadAllTextAsync(Path.Combine(reports, "dbgate.md")), StringComparison.Ordinal);
    }
}
