namespace DbGate.Tests.Infrastructure;

/// <summary>
/// The two packages users install, packed once per test run from the build the tests run on: the DbGate tool and
/// DbGate.MSBuild. Installs go through a private NuGet packages folder, because the version is the same on every
/// run and a shared cache would keep serving the first build it saw.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime, IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly TempFolder _folder = new();

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

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackagesGroup : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
