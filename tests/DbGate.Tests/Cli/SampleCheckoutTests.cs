using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>Running the samples, as README's first command does, leaves the checkout as it was.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SampleCheckoutTests(PostgresFixture server)
{
    [Fact]
    public async Task Checking_both_samples_writes_their_reports_to_ignored_folders_and_leaves_git_status_unchanged()
    {
        var before = await GitStatusAsync();

        var (passed, _, _) = await CliProcess.RunAsync("check", "samples/shop", "--connection", server.AdminConnectionString);
        var (failed, _, _) = await CliProcess.RunAsync("check", "samples/shop-broken", "--connection", server.AdminConnectionString);

        Assert.Equal((0, 1), (passed, failed));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Sample("shop"), "out", "dbgate.sarif")));
        Assert.Equal(before, await GitStatusAsync());
        // Not merely unchanged: the reports are ignored, and none is tracked for a run to overwrite.
        Assert.Equal((0, "samples/shop/out/dbgate.sarif\n"), await GitAsync("check-ignore", "samples/shop/out/dbgate.sarif"));
        Assert.Equal((0, ""), await GitAsync("ls-files", "--", "samples/*/out"));
    }

    private static async Task<string> GitStatusAsync()
    {
        var (exit, status) = await GitAsync("status", "--porcelain", "--untracked-files=all", "--", "samples");
        Assert.Equal(0, exit);
        return status;
    }

    private static async Task<(int Exit, string Output)> GitAsync(params string[] arguments)
    {
        var git = await Processes.RunAsync("git", arguments, RepoPaths.SolutionDirectory);
        return (git.ExitCode, git.Output);
    }
}
