using System.Text.Json;
using System.Text.RegularExpressions;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Providers;

namespace DbGate.Core.Migrations.EfCore;

/// <summary>
/// The real dotnet build and dotnet-ef, restored through a local tool manifest: the repository's own when it lists
/// dotnet-ef, else one DbGate writes in its cache for <see cref="EfOptions.ToolVersion"/>. Nothing here connects to a database.
/// </summary>
internal sealed partial class EfTool
{
    private readonly string _project;
    private readonly EfOptions _options;
    private readonly string _toolDirectory;

    private EfTool(string project, EfOptions options, string toolDirectory)
    {
        _project = project;
        _options = options;
        _toolDirectory = toolDirectory;
    }

    public static async Task<EfTool> RestoreAsync(string project, EfOptions options, CancellationToken cancellationToken)
    {
        var directory = RepositoryManifest(Path.GetDirectoryName(project)!) ?? await OwnManifestAsync(options.ToolVersion, cancellationToken);
        var restore = await ToolProcess.RunAsync("dotnet", ["tool", "restore"], directory, Quiet, cancellationToken);
        if (restore.Failed)
            throw new InfrastructureException($"could not restore dotnet-ef from NuGet ({directory}): {restore.LastLine}");
        return new EfTool(project, options, directory);
    }

    /// <summary>Builds the project; a compiler error is the user's, reported as one configuration line.</summary>
    public async Task BuildAsync(string projectRoot, CancellationToken cancellationToken)
    {
        var target = _options.StartupProject ?? _project;
        var build = await ToolProcess.RunAsync("dotnet", ["build", target, "-nologo", "-v:q", "-clp:NoSummary"], Path.GetDirectoryName(target)!, Quiet, cancellationToken);
        if (!build.Failed)
            return;
        var error = $"{build.Output}\n{build.Error}".Split('\n').Select(l => l.Trim()).FirstOrDefault(l => BuildError().IsMatch(l));
        var reason = error is null ? build.LastLine : Relative(BuildError().Match(error).Groups["message"].Value, projectRoot);
        throw new ConfigurationException($"EF Core project {ProjectPaths.Relative(projectRoot, target)} does not build: {reason}");
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var run = await EfAsync(["migrations", "list", "--json", "--no-connect"], cancellationToken);
        // With --prefix-output every line says what it is; the JSON is on the data: lines.
        var json = string.Join('\n', run.Output.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()));
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
        }
        catch (JsonException)
        {
            throw new ConfigurationException($"dotnet ef migrations list printed no list: {run.LastLine}");
        }
    }

    /// <summary>The SQL that takes the database from <paramref name="from"/> to <paramref name="to"/> ("0": no migration).</summary>
    public async Task ScriptAsync(string from, string to, string output, CancellationToken cancellationToken) =>
        await EfAsync(["migrations", "script", from, to, "--output", output], cancellationToken);

    private async Task<ToolResult> EfAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        List<string> command = ["tool", "run", "dotnet-ef", "--", .. arguments, "--no-build", "--prefix-output", "--project", _project];
        if (_options.StartupProject is { } startup)
            command.AddRange(["--startup-project", startup]);
        if (_options.Context is { } context)
            command.AddRange(["--context", context]);
        var run = await ToolProcess.RunAsync("dotnet", command, _toolDirectory, Quiet, cancellationToken);
        if (run.Failed)
        {
            var error = run.Output.Split('\n').Concat(run.Error.Split('\n')).Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal));
            throw new ConfigurationException($"dotnet ef {arguments[0]} {arguments[1]} failed: {(error is null ? run.LastLine : error[6..].Trim())}");
        }
        return run;
    }

    private static string? RepositoryManifest(string directory)
    {
        for (var at = new DirectoryInfo(directory); at is not null; at = at.Parent)
        {
            foreach (var manifest in new[] { Path.Combine(at.FullName, ".config", "dotnet-tools.json"), Path.Combine(at.FullName, "dotnet-tools.json") })
            {
                if (SourceText.IsPlainFile(manifest) && File.ReadAllText(manifest).Contains("\"dotnet-ef\"", StringComparison.Ordinal))
                    return at.FullName;
            }
        }
        return null;
    }

    private static async Task<string> OwnManifestAsync(string version, CancellationToken cancellationToken)
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var directory = Path.Combine(cache, "dbgate", "dotnet-ef", version);
        Directory.CreateDirectory(directory);
        var manifest = "{\"version\":1,\"isRoot\":true,\"tools\":{\"dotnet-ef\":{\"version\":" + JsonSerializer.Serialize(version) + ",\"commands\":[\"dotnet-ef\"],\"rollForward\":false}}}";
        await File.WriteAllTextAsync(Path.Combine(directory, "dotnet-tools.json"), manifest, cancellationToken);
        return directory;
    }

    /// <summary>No telemetry banner or first-run text in the output DbGate reads, and none of DbGate's secrets (its connection, every PG* variable): EF connects nowhere.</summary>
    private static readonly Dictionary<string, string?> Quiet = new(Execution.Commands.CommandEnvironment.WithoutLibpqVariables(), StringComparer.Ordinal)
    {
        ["DBGATE_CONNECTION"] = null,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private static string Relative(string message, string projectRoot) =>
        message.Replace(projectRoot.TrimEnd('/') + "/", "", StringComparison.Ordinal);

    /// <summary>MSBuild's canonical error, without the " [project.csproj]" it appends.</summary>
    [GeneratedRegex(@"^(?<message>.*?: error [A-Z]+\d+: .*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex BuildError();
}
