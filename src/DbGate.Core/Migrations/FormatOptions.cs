namespace DbGate.Core.Migrations;

/// <summary>What dbgate.yml says about the migration tool, beyond which one it is.</summary>
/// <param name="Placeholders">Flyway's <c>${name}</c> values (also Liquibase changelog properties), over flyway.conf's.</param>
public sealed record FormatOptions(IReadOnlyDictionary<string, string> Placeholders)
{
    public static FormatOptions Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// For init in a fresh folder, which cannot know placeholder values yet: a <c>${name}</c> with no value is left as
    /// written instead of refused, so the folder is still found (and the name proposed in dbgate.yml).
    /// </summary>
    public static FormatOptions ForDetection { get; } = Default with { UnsetPlaceholdersAllowed = true };

    /// <summary>True only for <see cref="ForDetection"/>: Flyway's strict placeholder check is off.</summary>
    public bool UnsetPlaceholdersAllowed { get; init; }

    /// <summary>Command mode's commands; null unless dbgate.yml has a <c>command:</c> section.</summary>
    public CommandSteps? Command { get; init; }

    /// <summary>EF Core's project and tool; defaults find the project in the migrations folder.</summary>
    public EfOptions Ef { get; init; } = new();
}

/// <summary>
/// Command mode: the tool's own commands, run through the shell in <paramref name="WorkingDirectory"/> with the work
/// database in DATABASE_URL and the PG* variables (never on their command line).
/// </summary>
/// <param name="Up">Applies the next pending step, one only.</param>
/// <param name="Down">Reverts the last applied step, one only.</param>
/// <param name="List">Prints every step in order, one per line: its id, optionally a tab and its source file.</param>
/// <param name="HistoryTables">The tool's bookkeeping tables (a name, or <c>schema.*</c> for a whole schema).</param>
public sealed record CommandSteps(string Up, string Down, string List, string WorkingDirectory, IReadOnlyList<string> HistoryTables)
{
    /// <summary>Where the commands are written, for findings about a step whose source is not known.</summary>
    public string ConfigPath { get; init; } = "dbgate.yml";

    /// <summary>Locations of steps are relative to this, as every other finding's.</summary>
    public string ProjectRoot { get; init; } = ".";
}

/// <param name="Project">The .csproj holding the migrations; null to find the one in the migrations folder.</param>
/// <param name="StartupProject">dotnet ef's --startup-project, when another project configures the DbContext.</param>
/// <param name="Context">dotnet ef's --context, when the project has more than one DbContext.</param>
/// <param name="ToolVersion">The dotnet-ef version DbGate installs when the repository's tool manifest has none.</param>
/// <param name="SqlOutput">Where the SQL EF generates is kept as a report artifact; null for the project's obj/dbgate.</param>
public sealed record EfOptions(
    string? Project = null, string? StartupProject = null, string? Context = null, string ToolVersion = EfOptions.DefaultToolVersion, string? SqlOutput = null)
{
    public const string DefaultToolVersion = "10.0.15";
}
