using DbGate.Core.Results;

namespace DbGate.Core.Rules.Schema;

/// <summary>dbgate.yml's health section: what the checks of the final schema look for, and where they stay silent.</summary>
public sealed record HealthSettings
{
    public static HealthSettings Default { get; } = new();

    /// <summary>Check the final schema at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Columns that name a row's tenant: a table holding one should have row-level security (DBG311).</summary>
    public IReadOnlyList<string> TenantColumns { get; init; } = ["tenant_id"];

    /// <summary>More indexes than this on one table is DBG228.</summary>
    public int MaxIndexes { get; init; } = 10;

    /// <summary>Rows from which a table counts as large (DBG229); only tables with a known size are judged.</summary>
    public double LargeTableRows { get; init; } = 1_000_000;

    /// <summary>DBG213 warns when a table's configured rows reach this share of its integer key's range.</summary>
    public double OverflowShare { get; init; } = 0.5;

    /// <summary>The role the application connects as; null means the role that runs the migrations (DBG310).</summary>
    public string? ApplicationRole { get; init; }

    /// <summary>Words that make a column name look like a secret (DBG315), matched as whole words of snake_case names.</summary>
    public IReadOnlyList<string> SecretWords { get; init; } =
        ["password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "access_key", "credential", "credentials"];

    public NamingSettings Naming { get; init; } = new();

    /// <summary>Per-schema and per-table levels and switches, each with its reason; later entries win.</summary>
    public IReadOnlyList<HealthExclusion> Exclusions { get; init; } = [];
}

/// <summary>Naming conventions as regular expressions; <c>{table}</c> and <c>{columns}</c> stand for the object's own names.</summary>
/// <param name="Pattern">Tables, views, columns, sequences, types, functions and schemas (DBG223).</param>
/// <param name="Index">Indexes that implement no constraint (DBG224); null checks none.</param>
/// <param name="PrimaryKey">DBG225; null checks none. Likewise the other constraint kinds.</param>
public sealed record NamingSettings(
    string Pattern = NamingSettings.SnakeCase,
    string? Index = null,
    string? PrimaryKey = null,
    string? ForeignKey = null,
    string? Unique = null,
    string? Check = null,
    string? Exclusion = null)
{
    public const string SnakeCase = "^[a-z][a-z0-9_]*$";
}

/// <summary>A health.exclude entry: these rules, in this schema or on this table, at this level (none: off).</summary>
/// <param name="Table">schema.name, or a bare name matching that table in any schema.</param>
public sealed record HealthExclusion(IReadOnlyList<string> Rules, string? Schema, string? Table, Level Level, string Reason)
{
    public bool Matches(SchemaFinding finding) =>
        (Rules.Count == 0 || Rules.Contains(finding.RuleId, StringComparer.Ordinal))
        && (Schema is null || string.Equals(Schema, finding.Schema, StringComparison.Ordinal))
        && (Table is null || finding.Table is { } table && (table == Table || (!Table.Contains('.', StringComparison.Ordinal) && table.EndsWith("." + Table, StringComparison.Ordinal))));
}
