using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>A real git repository in a scratch folder, with the DbGate tool from the packed feed in its local tool manifest.</summary>
public sealed class GitRepository : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PackagesFixture _packages;

    private GitRepository(PackagesFixture packages) => _packages = packages;

    public string Path => System.IO.Path.Combine(_folder.Path, "repo");

    public string Remote => System.IO.Path.Combine(_folder.Path, "remote.git");

    /// <summary>Where the prefix cache of this repository's runs lives, apart from every other test's.</summary>
    public string Cache => System.IO.Path.Combine(_folder.Path, "cache");

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>(_packages.Environment)
    {
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.com",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.com",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["DBGATE_CACHE"] = Cache,
    };

    /// <summary>A repository on main with the tool installed locally (from the packed file) and the tool manifest committed.</summary>
    public static async Task<GitRepository> CreateAsync(PackagesFixture packages)
    {
        var repository = await CreateBareAsync(packages);
        // What `dotnet new tool-manifest` writes.
        Directory.CreateDirectory(System.IO.Path.Combine(repository.Path, ".config"));
        File.WriteAllText(System.IO.Path.Combine(repository.Path, ".config", "dotnet-tools.json"), """{ "version": 1, "isRoot": true, "tools": {} }""");
        await repository.MustAsync("dotnet", "tool", "install", "DbGate", "--version", packages.Version);
        return repository;
    }

    /// <summary>A repository on main with no tool manifest: only a nuget.config that knows the packed feed.</summary>
    public static async Task<GitRepository> CreateBareAsync(PackagesFixture packages)
    {
        var repository = new GitRepository(packages);
        Directory.CreateDirectory(repository.Path);
        await repository.GitAsync("init", "-q", "-b", "main");
        packages.WriteNuGetConfig(repository.Path);
        return repository;
    }

    /// <summary>The packed tool installed as a global tool is (<c>--tool-path</c>): its launcher in a folder of this repository's scratch space.</summary>
    public async Task<string> InstallGlobalToolAsync()
    {
        var tools = System.IO.Path.Combine(_folder.Path, "tools");
        await MustAsync("dotnet", "tool", "install", "DbGate", "--tool-path", tools, "--version", _packages.Version);
        return tools;
    }

    public Task<Processes.Result> RunAsync(string file, params string[] arguments) => RunAsync(file, arguments, null);

    /// <param name="extra">Added to (or, with a null value, removed from) this repository's environment.</param>
    public Task<Processes.Result> RunAsync(string file, string[] arguments, IReadOnlyDictionary<string, string?>? extra)
    {
        var environment = new Dictionary<string, string?>(Environment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            environment[key] = value;
        return Processes.RunAsync(file, arguments, Path, environment, TimeSpan.FromMinutes(4));
    }

    public async Task<Processes.Result> MustAsync(string file, params string[] arguments)
    {
        var result = await RunAsync(file, arguments);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.All}");
    }

    public Task<Processes.Result> GitAsync(params string[] arguments) => MustAsync("git", arguments);

    public async Task CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", message);
    }

    /// <summary>A bare repository beside this one, as origin, with main pushed and tracked.</summary>
    public async Task AddRemoteAsync()
    {
        await Processes.RunAsync("git", ["init", "-q", "--bare", Remote], _folder.Path, Environment);
        await GitAsync("remote", "add", "origin", Remote);
        await GitAsync("push", "-q", "-u", "origin", "main");
    }

    public async Task<string> RemoteHeadAsync() =>
        (await Processes.RunAsync("git", ["rev-parse", "main"], Remote, Environment)).Output.Trim();

    public async Task<string> HeadAsync() => (await GitAsync("rev-parse", "HEAD")).Output.Trim();

    public void Write(string relativePath, string content) => _folder.Write(System.IO.Path.Combine("repo", relativePath), content);

    public void Dispose() => _folder.Dispose();
}
