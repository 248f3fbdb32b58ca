using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Cli;

/// <summary>Ctrl-C and SIGTERM must leave nothing behind: no server process, no temporary directory.</summary>
public sealed class InterruptTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_mid_migration_stops_the_server_and_removes_its_directory(string signal)
    {
        using var temp = new TempFolder();
        using var migrations = new TempFolder();
        migrations.Write("1_slow.up.sql", "SELECT pg_sleep(120);");
        migrations.Write("1_slow.down.sql", "SELECT 1;");
        var report = Path.Combine(temp.Path, "report.json");
        var tmp = Path.Combine(temp.Path, "tmp");
        Directory.CreateDirectory(tmp);
        if (!OperatingSystem.IsWindows())
        {
            // As root, the server runs as an unprivileged user, who must be able to reach its directory.
            File.SetUnixFileMode(temp.Path, (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(tmp, (UnixFileMode)Convert.ToInt32("1777", 8));
        }

        using var cli = CliProcess.Start(["check", migrations.Path, "--provider", "local", "--json", report, "--verbose"], new Dictionary<string, string> { ["TMPDIR"] = tmp });
        await cli.WaitForErrorTextAsync("ready after", TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => ServerProcessesUnder(tmp).Count > 0);
        await Task.Delay(500); // into the pg_sleep

        cli.Signal(signal);
        var (exit, _, error) = await cli.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.Contains("run incomplete: cancelled", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(tmp, "dbgate-*"));
        Assert.Empty(ServerProcessesUnder(tmp));
        Assert.Contains("\"complete\": false", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Ctrl_c_with_the_docker_provider_ends_the_run_gracefully_and_removes_its_container()
    {
        using var migrations = new TempFolder();
        migrations.Write("1_slow.up.sql", "SELECT pg_sleep(120);");
        migrations.Write("1_slow.down.sql", "SELECT 1;");

        using var cli = CliProcess.Start(["check", migrations.Path, "--provider", "docker", "--image", DockerTestEnvironment.Image, "--verbose"]);
        await cli.WaitForErrorTextAsync("ready after", TimeSpan.FromSeconds(120));
        var container = await DockerTestContainers.OwnedByAsync(cli.Id);
        await Task.Delay(500);

        cli.Signal("INT");
        var (exit, _, error) = await cli.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.Contains("run incomplete: cancelled", error, StringComparison.Ordinal);
        Assert.False(await DockerTestContainers.ExistsAsync(container));
    }

    private static List<int> ServerProcessesUnder(string directory) =>
        Directory.GetDirectories("/proc")
            .Select(p => (Pid: int.TryParse(Path.GetFileName(p), out var pid) ? pid : 0, Path: p))
            .Where(p => p.Pid > 0 && CommandLine(p.Path).Contains(directory, StringComparison.Ordinal) && CommandLine(p.Path).Contains("postgres", StringComparison.Ordinal))
            .Select(p => p.Pid)
            .ToList();

    private static string CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
        Assert.True(condition());
    }
}
