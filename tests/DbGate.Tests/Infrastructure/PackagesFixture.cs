namespace DbGate.Tests.Infrastructure;

/// <summary>
/// The two packages users install, packed once per test run from the build the tests run on: the DbGate tool and
/// DbGate.MSBuild. Installs go through a private NuGet packages folder, because the version is the same on every
/// run and a shared cache would keep serving the first build it saw. The feed and that folder are the process's,
/// not the fixture's: each host test collection gets a fixture (so the collections run in parallel), and the first
/// to start packs for all of them.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TempFolder Folder = Shared();
    private static readonly SemaphoreSlim Packing = new(1, 1);
    private static bool _packed;
    private readonly TempFolder _folder = Folder;

    public string Feed => Path.Combine(_folder.Path, "feed");

    /// <summary>NUGET_PACKAGES for every restore and install the host tests do.</summary>
    public string NuGetPackages => Path.Combine(_folder.Path, "packages");

    public string Version { get; } = typeof(Core.Gate.GateRunner).Assembly.GetName().Version!.ToString(3);

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = NuGetPackages,
        // The SDK caches where a local tool's package lives by id and version alone (~/.dotnet/toolResolverCache):
        // a shared one would send `dotnet dbgate` to an earlier run's deleted packages folder.
        ["DOTNET_CLI_HOME"] = Path.Combine(_folder.Path, "cli-home"),
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
    };

    public async Task InitializeAsync()
    {
        await Packing.WaitAsync();
        try
        {
            if (!_packed)
                await PackAsync();
            _packed = true;
        }
        finally
        {
            Packing.Release();
        }
    }

    private async Task PackAsync()
    {
        foreach (var project in new[] { "src/DbGate.Cli/DbGate.Cli.csproj", "src/DbGate.MSBuild/DbGate.MSBuild.csproj" })
        {
            var pack = await Processes.RunAsync(
                "dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", Feed, "-tl:off", "-nodeReuse:false"], RepoPaths.SolutionDirectory, Environment);
            if (pack.ExitCode != 0)
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack.All}");
        }
    }

    /// <summary>A nuget.config that knows only the packed feed, so nothing comes from elsewhere.</summary>
    public string WriteNuGetConfig(string directory)
    {
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dbgate" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Deleted when the test process ends: by then no collection uses it.</summary>
    private static TempFolder Shared()
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesGroup : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}

/// <summary>The MSBuild package's builds, the slowest host test, beside the other host tests rather than after them.</summary>
[CollectionDefinition(Name)]
public sealed class MsBuildPackageGroup : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages-msbuild";
}
