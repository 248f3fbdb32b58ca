namespace DbGate.Core.Configuration;

/// <summary>The shape of dbgate.yml, as written (snake_case keys). Everything is optional.</summary>
internal sealed class ConfigFile
{
    public string? Migrations { get; set; }

    public string? Format { get; set; }

    public PostgresSection? Postgres { get; set; }

    public string? FailOn { get; set; }

    public string? StatementTimeout { get; set; }

    /// <summary>Limit for the whole run; 0 for none.</summary>
    public string? Timeout { get; set; }

    public ReportsSection? Reports { get; set; }

    public RoundTripSection? RoundTrip { get; set; }

    /// <summary>Rule id → level (error, warning, note, none).</summary>
    public Dictionary<string, string>? Rules { get; set; }

    /// <summary>The checks of the final schema (DBG2xx, DBG3xx).</summary>
    public HealthSection? Health { get; set; }

    /// <summary>Findings accepted for now, by fingerprint; default dbgate.baseline.json beside this file, when it exists.</summary>
    public string? Baseline { get; set; }

    /// <summary>Production sizes (lint.tables), which the health checks read too.</summary>
    public LintSection? Lint { get; set; }

    /// <summary>Where each value was written, for errors about it; not a key.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    internal ConfigLocations Locations { get; set; } = ConfigLocations.None;

    /// <summary>Flyway's ${name} values (and Liquibase changelog properties); ${ENV} references are expanded.</summary>
    public Dictionary<string, string>? Placeholders { get; set; }

    /// <summary>Command mode: the tool's own commands.</summary>
    public CommandSection? Command { get; set; }

    /// <summary>EF Core's project and tool.</summary>
    public EfSection? Ef { get; set; }
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

internal sealed class PostgresSection
{
    public string? Provider { get; set; }

    public string? Image { get; set; }

    public string? Connection { get; set; }

    public List<string>? Versions { get; set; }

    /// <summary>Run migrations as the connection's superuser (off: an unprivileged role that owns the work database).</summary>
    public bool? Superuser { get; set; }

    /// <summary>Untrusted extensions the unprivileged role may create through DbGate's privileged functions.</summary>
    public List<string>? Extensions { get; set; }
}

internal sealed class ReportsSection
{
    public string? Sarif { get; set; }

    public string? Junit { get; set; }

    public string? Json { get; set; }

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
