namespace DbGate.Core.Configuration;

/// <summary>The shape of dbgate.yml, as written (snake_case keys). Everything is optional.</summary>
internal sealed class ConfigFile
{
    /// <summary>The migrations folder, relative to this file (default: this folder, or its migrations/ subfolder).</summary>
    public string? Migrations { get; set; }

    /// <summary>The migration tool whose layout the folder follows; auto detects it from the files.</summary>
    public string? Format { get; set; }

    /// <summary>Where PostgreSQL comes from.</summary>
    public PostgresSection? Postgres { get; set; }

    /// <summary>The lowest finding level that fails the gate.</summary>
    public string? FailOn { get; set; }

    /// <summary>Bounds every statement (such as 30s, 5min, 500ms), so a hung migration cannot hang CI.</summary>
    public string? StatementTimeout { get; set; }

    /// <summary>Limit for the whole run; 0 for none.</summary>
    public string? Timeout { get; set; }

    /// <summary>Report files to write, relative to this file.</summary>
    public ReportsSection? Reports { get; set; }

    /// <summary>How each step's down and redo are checked.</summary>
    public RoundTripSection? RoundTrip { get; set; }

    /// <summary>Rule id → level (error, warning, note, none).</summary>
    public Dictionary<string, string>? Rules { get; set; }

    /// <summary>EXPLAIN benchmarks on the seeded final schema, with thresholds; see README, "Benchmarks".</summary>
    public BenchmarksSection? Benchmarks { get; set; }

    /// <summary>The checks of the final schema (DBG2xx, DBG3xx).</summary>
    public HealthSection? Health { get; set; }

    /// <summary>Findings accepted for now, by fingerprint; default dbgate.baseline.json beside this file, when it exists.</summary>
    public string? Baseline { get; set; }

    /// <summary>Where each key and value was written, for errors about them, even once the schema is read; not a key.</summary>
    [YamlDotNet.Serialization.YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    internal YamlLocations Locations { get; set; } = YamlLocations.None("dbgate.yml");

    /// <summary>Flyway's ${name} values (and Liquibase changelog properties); ${ENV} references are expanded.</summary>
    public Dictionary<string, string>? Placeholders { get; set; }

    /// <summary>Command mode: the tool's own commands.</summary>
    public CommandSection? Command { get; set; }

    /// <summary>EF Core's project and tool.</summary>
    public EfSection? Ef { get; set; }

    /// <summary>How the seed generator fills the migrated schema.</summary>
    public SeedSection? Seed { get; set; }

    /// <summary>Rule levels for some files only; later entries win over earlier ones and over <see cref="Rules"/>.</summary>
    public List<OverrideSection>? Overrides { get; set; }

    /// <summary>The zero-downtime lint, and the production sizes (lint.tables, lint.stats) the health checks read too.</summary>
    public LintSection? Lint { get; set; }
}

internal sealed class CommandSection
{
    public string? Up { get; set; }

    public string? Down { get; set; }

    public string? List { get; set; }

    public string? WorkingDirectory { get; set; }

    public List<string>? HistoryTables { get; set; }
}

internal sealed class EfSection
{
    public string? Project { get; set; }

    public string? StartupProject { get; set; }

    public string? Context { get; set; }

    public string? ToolVersion { get; set; }

    public string? SqlOutput { get; set; }
}

internal sealed class OverrideSection
{
    /// <summary>Globs relative to dbgate.yml's folder, such as migrations/2015-*/**.</summary>
    public List<string>? Paths { get; set; }

    public Dictionary<string, string>? Rules { get; set; }
}

internal sealed class LintSection
{
    public bool? Enabled { get; set; }

    /// <summary>Production row counts by table (schema.name or name): 50M, 120k, 3000.</summary>
    public Dictionary<string, string>? Tables { get; set; }

    /// <summary>Below this many rows lock and rewrite findings are notes.</summary>
    public long? SmallTableRows { get; set; }

    /// <summary>A file written by dotnet dbgate stats export.</summary>
    public string? Stats { get; set; }
}

internal sealed class PostgresSection
{
    /// <summary>auto picks an explicit connection, then DBGATE_CONNECTION, then local binaries, then Docker.</summary>
    public string? Provider { get; set; }

    /// <summary>Docker image for the docker provider, such as postgres:17; with versions, a template holding {version}.</summary>
    public string? Image { get; set; }

    /// <summary>Connection string of an existing server, for the external provider; write ${NAME} to read it from the environment.</summary>
    public string? Connection { get; set; }

    /// <summary>PostgreSQL major versions to run the whole gate on, once each.</summary>
    public List<string>? Versions { get; set; }

    /// <summary>Run migrations as the connection's superuser (off: an unprivileged role that owns the work database).</summary>
    public bool? Superuser { get; set; }

    /// <summary>Untrusted extensions the unprivileged role may create through DbGate's privileged functions.</summary>
    public List<string>? Extensions { get; set; }
}

internal sealed class ReportsSection
{
    /// <summary>SARIF 2.1.0, for GitHub code scanning.</summary>
    public string? Sarif { get; set; }

    /// <summary>JUnit XML, for CI test tabs.</summary>
    public string? Junit { get; set; }

    /// <summary>DbGate's JSON report (docs/schemas/dbgate-report.schema.json).</summary>
    public string? Json { get; set; }

    /// <summary>A Markdown summary, sized for GitHub's step summary.</summary>
    public string? Markdown { get; set; }
}

internal sealed class RoundTripSection
{
    /// <summary>Compare owners and grants as part of the schema.</summary>
    public bool? Privileges { get; set; }

    /// <summary>Check that rows survive each step's up and down, not only the schema.</summary>
    public bool? Data { get; set; }

    /// <summary>Migrations that are one-way on purpose: their missing down is not a finding.</summary>
    public List<string>? Irreversible { get; set; }
}
