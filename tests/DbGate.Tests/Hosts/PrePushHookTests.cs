using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>The pre-push hook with a real `git push` to a local bare remote: a broken new migration stays home.</summary>
[Collection(PackagesGroup.Name)]
public sealed class PrePushHookTests(PackagesFixture packages)
{
    private const string NewUp = "SET lock_timeout = '5s';\nALTER TABLE customers ADD COLUMN nickname text;\n";

    [Fact]
    public async Task A_push_with_a_broken_new_migration_is_refused_and_once_fixed_goes_through()
    {
        using var repository = await GitRepository.CreateAsync(packages);
        Samples.Copy("shop", Path.Combine(repository.Path, "db"));
        await repository.CommitAllAsync("shop migrations");
        await repository.AddRemoteAsync();
        var install = await repository.MustAsync("dotnet", "dbgate", "hook", "install", "db");
        Assert.Contains(".git/hooks/pre-push", install.Output, StringComparison.Ordinal);

        repository.Write("db/migrations/0008_customer_nickname.up.sql", NewUp);
        repository.Write("db/migrations/0008_customer_nickname.down.sql", "SELECT 1; -- forgot to drop the column\n");
        await repository.CommitAllAsync("nickname, with a down that does not undo it");
        var before = await repository.RemoteHeadAsync();

        var refused = await repository.RunAsync("git", "push", "origin", "main");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("db/migrations/0008_customer_nickname.down.sql:1:1: error DBG003:", refused.All, StringComparison.Ordinal);
        Assert.Contains("3 steps", refused.All, StringComparison.Ordinal); // only the new migration was gated
        Assert.Equal(before, await repository.RemoteHeadAsync());

        repository.Write("db/migrations/0008_customer_nickname.down.sql", "SET lock_timeout = '5s';\nALTER TABLE customers DROP COLUMN nickname;\n");
        await repository.CommitAllAsync("nickname: a down that undoes it");

        var accepted = await repository.RunAsync("git", "push", "origin", "main");

        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.Equal(await repository.HeadAsync(), await repository.RemoteHeadAsync());
    }

    [Fact]
    public async Task Without_a_tool_manifest_the_hook_runs_the_global_tools_launcher_which_needs_no_dotnet_sdk_on_PATH()
    {
        using var repository = await GitRepository.CreateBareAsync(packages);
        var tools = await repository.InstallGlobalToolAsync();
        Samples.Copy("shop", Path.Combine(repository.Path, "db"));
        await repository.CommitAllAsync("shop migrations");
        await repository.AddRemoteAsync();
        await repository.MustAsync(Path.Combine(tools, "dotnet-dbgate"), "hook", "install", "db");
        repository.Write("README.md", "No migration changed.\n");
        await repository.CommitAllAsync("readme");
        // Only what the hook and `check --changed` run, plus the launcher: `dotnet dbgate` would fail here, as `dotnet`
        // is not on this PATH, so a passing push proves the hook went straight to the launcher (no SDK start).
        var bin = Directory.CreateDirectory(Path.Combine(tools, "..", "bin")).FullName;
        foreach (var program in new[] { "git", "grep" })
            File.CreateSymbolicLink(Path.Combine(bin, program), (await Processes.RunAsync("sh", ["-c", "command -v " + program], repository.Path)).Output.Trim());

        var pushed = await repository.RunAsync("git", ["push", "origin", "main"], new Dictionary<string, string?> { ["PATH"] = $"{tools}:{bin}" });

        Assert.True(pushed.ExitCode == 0, pushed.All);
        Assert.Contains("0 steps, 0 errors, 0 warnings", pushed.All, StringComparison.Ordinal);
        Assert.Equal(await repository.HeadAsync(), await repository.RemoteHeadAsync());
    }
}
