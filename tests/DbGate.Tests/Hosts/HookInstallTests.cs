using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>`hook install` and `hook uninstall` on real repositories: where git looks, and never over someone else's hook.</summary>
public sealed class HookInstallTests : IDisposable
{
    private static readonly Dictionary<string, string?> Git = new() { ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1" };
    private readonly TempFolder _repository = new();

    private async Task<(int Exit, string Output, string Error)> DbGateAsync(params string[] arguments)
    {
        using var cli = CliProcess.Start(arguments, workingDirectory: _repository.Path);
        return await cli.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private Task<Processes.Result> GitAsync(params string[] arguments) => Processes.RunAsync("git", arguments, _repository.Path, Git);

    [Fact]
    public async Task Install_writes_an_executable_hook_where_core_hooksPath_points_and_uninstall_removes_it()
    {
        await GitAsync("init", "-q");
        await GitAsync("config", "core.hooksPath", ".githooks");
        Directory.CreateDirectory(Path.Combine(_repository.Path, "db"));

        var (exit, output, _) = await DbGateAsync("hook", "install", "db");

        var hook = Path.Combine(_repository.Path, ".githooks", "pre-push");
        Assert.Equal(0, exit);
        Assert.Contains(hook, output, StringComparison.Ordinal);
        // Through the manifest's version when one pins DbGate, else straight to the global launcher (PrePushHookTests runs both).
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1 exec dotnet dbgate check --changed 'db' </dev/null", File.ReadAllText(hook), StringComparison.Ordinal);
        Assert.Contains("exec dotnet-dbgate check --changed 'db' </dev/null", File.ReadAllText(hook), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.Exists(Path.Combine(_repository.Path, ".git", "hooks", "pre-push")));

        var removed = await DbGateAsync("hook", "uninstall");

        Assert.Equal(0, removed.Exit);
        Assert.False(File.Exists(hook));
    }

    [Fact]
    public async Task A_foreign_hook_is_refused_without_force_and_with_force_kept_and_restored_on_uninstall()
    {
        await GitAsync("init", "-q");
        var hook = Path.Combine(_repository.Path, ".git", "hooks", "pre-push");
        File.WriteAllText(hook, "#!/bin/sh\necho mine\n");

        var refused = await DbGateAsync("hook", "install");

        Assert.Equal(2, refused.Exit);
        Assert.Equal($"dbgate: {hook} exists and was not written by DbGate: pass --force to replace it (it is kept as pre-push.dbgate-backup)", refused.Error.Trim());
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook));

        var forced = await DbGateAsync("hook", "install", "--force");

        Assert.Equal(0, forced.Exit);
        Assert.Contains("dotnet dbgate check --changed '.'", File.ReadAllText(hook), StringComparison.Ordinal);

        var uninstalled = await DbGateAsync("hook", "uninstall");

        Assert.Equal(0, uninstalled.Exit);
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook));
        Assert.Equal(2, (await DbGateAsync("hook", "uninstall")).Exit);
    }

    [Fact]
    public async Task Outside_a_repository_install_is_a_one_line_usage_error()
    {
        var (exit, _, error) = await DbGateAsync("hook", "install");

        Assert.Equal(2, exit);
        Assert.Equal($"dbgate: hook install needs a git repository, and {_repository.Path} is not in one", error.Trim());
    }

    [Theory]
    [InlineData("missing", "dbgate: hook install: missing does not exist; PATH is the migrations folder, or the folder holding dbgate.yml, that the hook checks")]
    [InlineData("notes.txt", "dbgate: hook install: notes.txt is a file; PATH is the migrations folder, or the folder holding dbgate.yml, that the hook checks")]
    [InlineData("{outside}", "dbgate: hook install: {outside} is not in a git repository; the hook is for {repository}, and checks a folder in it")]
    [InlineData("{other}", "dbgate: hook install: {other} is in the git repository {other}, not in {repository}, whose pushes the hook checks")]
    public async Task A_path_the_hook_could_never_check_is_refused_in_one_line_with_exit_2_and_no_hook_is_written(string path, string expected)
    {
        using var outside = new TempFolder();
        using var other = new TempFolder();
        await GitAsync("init", "-q");
        await Processes.RunAsync("git", ["init", "-q"], other.Path, Git);
        _repository.Write("notes.txt", "not a folder\n");
        string Fill(string text) => text.Replace("{outside}", outside.Path, StringComparison.Ordinal).Replace("{other}", other.Path, StringComparison.Ordinal)
            .Replace("{repository}", _repository.Path, StringComparison.Ordinal);

        var (exit, output, error) = await DbGateAsync("hook", "install", Fill(path));

        Assert.Equal(2, exit);
        Assert.Equal(Fill(expected), error.Trim());
        Assert.Equal("", output);
        Assert.False(File.Exists(Path.Combine(_repository.Path, ".git", "hooks", "pre-push")));
    }

    public void Dispose() => _repository.Dispose();
}
