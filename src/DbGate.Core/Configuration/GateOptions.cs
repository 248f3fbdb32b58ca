using DbGate.Core.Results;

namespace DbGate.Core.Configuration;

/// <summary>Everything a run needs, resolved from the command line over dbgate.yml over defaults.</summary>
/// <param name="ProjectRoot">Finding locations are relative to this (the repository root when there is one).</param>
/// <param name="Provider">auto, local, docker or external.</param>
/// <param name="Connection">For the external provider; a secret, never printed.</param>
public sealed record GateOptions(
    string ProjectRoot,
    string MigrationsPath,
    string Format = "auto",
    string Provider = "auto",
    string? Connection = null,
    string? Image = null,
    Level FailOn = Level.Error)
{
    public ReportPaths Reports { get; init; } = new();

    public IReadOnlySet<string> Irreversible { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rule id → level chosen in dbgate.yml; rules not listed keep their default level.</summary>
    public IReadOnlyDictionary<string, Level> RuleLevels { get; init; } = new Dictionary<string, Level>(StringComparer.Ordinal);

    /// <summary>
    /// PostgreSQL major versions to run the whole gate on, once each; empty for a single run on whatever the
    /// provider gives. A version the local binaries have runs locally, others in Docker.
    /// </summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>Compare owners and grants too (off by default: the ephemeral server's roles are not production's).</summary>
    public bool ComparePrivileges { get; init; }

    /// <summary>Also seed rows before each step and check they survive its up and down (opt-in: it costs a second up and down per step).</summary>
    public bool CheckData { get; init; }

    /// <summary>postgres.superuser: run migrations as the server's superuser rather than an unprivileged role.</summary>
    public bool Superuser { get; init; }

    /// <summary>postgres.extensions: untrusted extensions the unprivileged role may still create, through DbGate.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Work in the connection's own database even when it holds objects DbGate did not create (ups only).</summary>
    public bool AllowExistingDatabase { get; init; }

    /// <summary>
    /// Set for <c>check --changed</c>: gate only the migrations new or changed against this base, on top of the
    /// unchanged prefix. An empty string means the default base (the upstream, else the default branch).
    /// </summary>
    public string? ChangedSince { get; init; }

    /// <summary>Bounds every statement, so a migration waiting on a lock or sleeping cannot hang CI.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>dbgate.yml's <c>seed:</c> section: how <see cref="Seeding.Seeder"/> fills the migrated schema.</summary>
    public Seeding.SeedOptions Seed { get; init; } = Seeding.SeedOptions.Default;

    /// <summary>dbgate.yml's <c>benchmarks:</c> section: the queries EXPLAINed on the seeded final schema.</summary>
    public Core.Benchmarks.BenchmarkOptions Benchmarks { get; init; } = Core.Benchmarks.BenchmarkOptions.None;

    /// <summary>The checks of the final schema (dbgate.yml's health section).</summary>
    public Rules.Schema.HealthSettings Health { get; init; } = Rules.Schema.HealthSettings.Default;

    /// <summary>The baseline file; findings it lists are accepted. Null: none.</summary>
    public string? Baseline { get; init; }

    /// <summary>True when dbgate.yml named the baseline, so a missing file is an error rather than "no baseline yet".</summary>
    public bool BaselineRequired { get; init; }

    /// <summary>The migration tool's settings from dbgate.yml: placeholders, command mode's commands, the EF project.</summary>
    public Migrations.FormatOptions FormatOptions { get; init; } = Migrations.FormatOptions.Default;

    /// <summary>
    /// Bounds the whole run, also when the server or the network stops answering; null for no limit. When it passes,
    /// the run ends incomplete with the reports of what was seen.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = DefaultTimeout;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The zero-downtime lint: on by default.</summary>
    public LintOptions Lint { get; init; } = new();

    /// <summary>Rule levels for findings in files matching a glob (dbgate.yml's overrides); later entries win.</summary>
    public IReadOnlyList<PathRuleLevels> PathRuleLevels { get; init; } = [];
}

/// <param name="Enabled">Observe every statement of every up and down, and run the DBG1xx rules.</param>
public sealed record LintOptions(bool Enabled = true)
{
    public Observation.ProductionSizes Sizes { get; init; } = Observation.ProductionSizes.None;
}

/// <param name="Patterns">Globs relative to the project root (<c>**</c> any folders, <c>*</c> any name part).</param>
public sealed record PathRuleLevels(IReadOnlyList<string> Patterns, IReadOnlyDictionary<string, Level> Levels);

/// <summary>Where to write each report; null means not written.</summary>
public sealed record ReportPaths(string? Sarif = null, string? JUnit = null, string? Json = null, string? Markdown = null);
