using DbGate.Core.Results;

namespace DbGate.Core.Configuration;

/// <summary>Turns command-line arguments and dbgate.yml into GateOptions; every bad value is a one-line ConfigurationException.</summary>
public static class OptionsResolver
{
    public static readonly string[] ConfigFileNames = ["dbgate.yml", "dbgate.yaml"];
    private static readonly string[] Providers = ["auto", "local", "docker", "external"];

    public static async Task<GateOptions> ResolveAsync(CheckArguments arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(arguments.Path ?? ".", workingDirectory);
        if (File.Exists(path) && arguments.ConfigFile is null && IsConfigFileName(path))
            (path, arguments) = (Path.GetDirectoryName(path)!, arguments with { ConfigFile = path });
        if (!Directory.Exists(path))
            throw new ConfigurationException(
                BrokenLinks.Problem(path) is { } broken ? $"{arguments.Path} {broken}"
                : File.Exists(path) ? $"{arguments.Path} is a file; give the migrations folder or the folder holding dbgate.yml"
                : $"folder not found: {arguments.Path}");

        Readable(path, arguments.Path ?? ".");
        var configPath = arguments.ConfigFile is { } given ? Path.GetFullPath(given, workingDirectory) : FindConfig(path);
        if (configPath is not null && Directory.Exists(configPath))
            throw new ConfigurationException($"{arguments.ConfigFile} is a folder; give --config the dbgate.yml file");
        if (configPath is not null && BrokenLinks.Problem(configPath) is { } brokenConfig)
            throw new ConfigurationException($"{arguments.ConfigFile ?? Path.GetFileName(configPath)} {brokenConfig}");
        if (configPath is not null && !File.Exists(configPath))
            throw new ConfigurationException($"config file not found: {arguments.ConfigFile}");
        var config = configPath is null ? new ConfigFile() : await ConfigFileReader.ReadAsync(configPath, cancellationToken);
        var configDirectory = configPath is null ? path : Path.GetDirectoryName(configPath)!;

        var at = config.Locations;
        var migrations = config.Migrations is { Length: > 0 } m ? at.Read(["migrations"], () => MigrationsFolder(m, configDirectory)) : Conventional(path);
        var projectRoot = ProjectRoot(migrations, workingDirectory, configPath is null ? null : configDirectory);
        var provider = arguments.Provider is { } p
            ? Choose(p, "--provider", Providers)
            : at.Read(["postgres", "provider"], () => Choose(config.Postgres?.Provider ?? "auto", "postgres.provider", Providers));
        var lint = await LintSettings.ResolveAsync(config.Lint, configDirectory, cancellationToken);
        var health = at.Read(["health"], () => HealthSettingsResolver.Settings(config.Health));
        return new GateOptions(
            projectRoot,
            migrations,
            at.Read(["format"], () => Format(config.Format)),
            provider,
            // dbgate.yml names the secret's variable (${PGCONN}) rather than holding it.
            arguments.Connection ?? (config.Postgres?.Connection is { Length: > 0 } c ? at.Read(["postgres", "connection"], () => EnvironmentReferences.Expand(c, "postgres.connection")) : null),
            arguments.Image ?? config.Postgres?.Image,
            arguments.FailOn is { } f ? ParseLevel(f, "--fail-on") : at.Read(["fail_on"], () => ParseLevel(config.FailOn ?? "error", "fail_on")))
        {
            Reports = new ReportPaths(
                Report(arguments.Sarif, workingDirectory, config.Reports?.Sarif, configDirectory),
                Report(arguments.JUnit, workingDirectory, config.Reports?.Junit, configDirectory),
                Report(arguments.Json, workingDirectory, config.Reports?.Json, configDirectory),
                Report(arguments.Markdown, workingDirectory, config.Reports?.Markdown, configDirectory)),
            Versions = arguments.Versions is { Length: > 0 } v ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : config.Postgres?.Versions ?? [],
            ComparePrivileges = config.RoundTrip?.Privileges ?? false,
            CheckData = arguments.Data ?? config.RoundTrip?.Data ?? false,
            Superuser = config.Postgres?.Superuser ?? false,
            Extensions = at.Read(["postgres", "extensions"], () => ExtensionNames(config.Postgres?.Extensions)),
            AllowExistingDatabase = arguments.AllowExistingDatabase,
            Irreversible = (config.RoundTrip?.Irreversible ?? []).ToHashSet(StringComparer.Ordinal),
            RuleLevels = (config.Rules ?? []).ToDictionary(r => r.Key, r => at.Read(["rules", r.Key], () => ParseLevel(r.Value, $"rules.{r.Key}")), StringComparer.Ordinal),
            StatementTimeout = config.StatementTimeout is { } timeout ? at.Read(["statement_timeout"], () => Durations.Parse(timeout, "statement_timeout")) : TimeSpan.FromMinutes(5),
            Health = health,
            Baseline = Path.GetFullPath(arguments.Baseline ?? config.Baseline ?? Baselines.BaselineFile.DefaultName, arguments.Baseline is null ? configDirectory : workingDirectory),
            BaselineRequired = arguments.Baseline is not null || config.Baseline is not null,
            Timeout = arguments.Timeout is { } t ? NoLimitIfZero(Durations.Parse(t, "--timeout"))
                : config.Timeout is { } limit ? at.Read(["timeout"], () => NoLimitIfZero(Durations.Parse(limit, "timeout")))
                : GateOptions.DefaultTimeout,
            FormatOptions = FormatOptionsResolver.Resolve(config, configDirectory, configPath),
            Seed = SeedOptionsResolver.Resolve(config.Seed, config.Locations, configDirectory, projectRoot),
            Benchmarks = configPath is null ? Core.Benchmarks.BenchmarkOptions.None : await BenchmarkOptionsResolver.ResolveAsync(config.Benchmarks, config.Locations, configPath, projectRoot, cancellationToken),
            Lint = lint,
            PathRuleLevels = LintSettings.Overrides(config.Overrides, configDirectory, projectRoot),
        };
    }

    public static Level ParseLevel(string text, string what) =>
        Enum.TryParse<Level>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !text.All(char.IsAsciiDigit)
            ? level
            : throw new ConfigurationException($"{what} must be one of error, warning, note, none (got '{text}')");

    /// <summary>0 means no limit, as statement_timeout 0 does in PostgreSQL.</summary>
    private static TimeSpan? NoLimitIfZero(TimeSpan limit) => limit == TimeSpan.Zero ? null : limit;

    private static List<string> ExtensionNames(List<string>? names)
    {
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
                throw new ConfigurationException($"postgres.extensions: '{name}' is not an extension name (letters, digits, '_' and '-')");
        }
        return names ?? [];
    }

    private static string Choose(string value, string what, string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ConfigurationException($"{what} must be one of {string.Join(", ", allowed)} (got '{value}')");

    /// <summary>Checked here rather than when the migrations are read, so the error can point at the key.</summary>
    private static string Format(string? format)
    {
        if (format is null or "auto" || Migrations.MigrationDiscovery.FormatNames.Contains(format, StringComparer.Ordinal))
            return format ?? "auto";
        var known = Migrations.MigrationDiscovery.FormatNames;
        var suggestion = EditDistance.Closest(format, known) is { } closest ? $" (did you mean '{closest}'?)" : "";
        throw new ConfigurationException($"format must be auto or one of {string.Join(", ", known)} (got '{format}'){suggestion}");
    }

    private static string? Report(string? fromArguments, string workingDirectory, string? fromConfig, string configDirectory) =>
        fromArguments is { Length: > 0 } a ? Path.GetFullPath(a, workingDirectory)
        : fromConfig is { Length: > 0 } c ? Path.GetFullPath(c, configDirectory)
        : null;

    /// <summary>A folder DbGate may not list would otherwise look empty: no dbgate.yml, no migrations.</summary>
    private static void Readable(string folder, string shown)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw Migrations.ScriptFiles.CannotRead(shown, e);
        }
    }

    /// <summary>A file or a broken link is refused here, where the error can point at the key; a missing or unreadable folder is the discovery's to report.</summary>
    private static string MigrationsFolder(string given, string configDirectory)
    {
        var full = Path.GetFullPath(given, configDirectory);
        if (BrokenLinks.Problem(full) is { } broken)
            throw new ConfigurationException($"migrations: {given} {broken}");
        if (File.Exists(full) && !Directory.Exists(full))
            throw new ConfigurationException($"migrations: {given} is a file; give the folder that holds the migrations");
        return full;
    }

    /// <summary>The folder itself, or its migrations/ subfolder when the folder holds no SQL of its own.</summary>
    private static string Conventional(string path)
    {
        var subfolder = Path.Combine(path, "migrations");
        return Directory.Exists(subfolder) && !Directory.EnumerateFiles(path, "*.sql").Any() ? subfolder : path;
    }

    /// <summary>A dbgate.yml that is a broken link is found too, so that it is an error rather than no configuration.</summary>
    private static string? FindConfig(string directory) =>
        ConfigFileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(p => File.Exists(p) || new FileInfo(p).LinkTarget is not null);

    private static bool IsConfigFileName(string path) => ConfigFileNames.Contains(Path.GetFileName(path), StringComparer.Ordinal);

    /// <summary>The repository root when there is one, so SARIF paths match what GitHub shows.</summary>
    private static string ProjectRoot(string migrations, string workingDirectory, string? configDirectory)
    {
        for (var directory = new DirectoryInfo(migrations); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
                return directory.FullName;
        }
        if (configDirectory is not null)
            return configDirectory;
        return IsUnder(migrations, workingDirectory) ? workingDirectory : migrations;
    }

    private static bool IsUnder(string path, string directory) =>
        !Path.GetRelativePath(directory, path).StartsWith("..", StringComparison.Ordinal);
}
