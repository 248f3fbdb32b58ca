namespace DbGate.Core.Configuration;

/// <summary>The shape of dbgate.yml, as written (snake_case keys). Everything is optional.</summary>
internal sealed class ConfigFile
{
    public string? Migrations { get; set; }

    public string? Format { get; set; }

    public PostgresSection? Postgres { get; set; }

    public string? FailOn { get; set; }

    public string? StatementTimeout { get; set; }

    public ReportsSection? Reports { get; set; }

    public RoundTripSection? RoundTrip { get; set; }

    /// <summary>Rule id → level (error, warning, note, none).</summary>
    public Dictionary<string, string>? Rules { get; set; }

    /// <summary>Rule levels for some files only; later entries win over earlier ones and over <see cref="Rules"/>.</summary>
    public List<OverrideSection>? Overrides { get; set; }

    public LintSection? Lint { get; set; }
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
