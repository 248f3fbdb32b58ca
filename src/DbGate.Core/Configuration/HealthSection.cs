namespace DbGate.Core.Configuration;

/// <summary>dbgate.yml's health section, as written; <see cref="HealthSettingsResolver"/> checks and resolves it.</summary>
internal sealed class HealthSection
{
    public bool? Enabled { get; set; }

    public List<string>? TenantColumns { get; set; }

    public int? MaxIndexes { get; set; }

    /// <summary>A row count such as 1M: tables at least this large (by lint.tables) count as large for DBG229.</summary>
    public string? LargeTableRows { get; set; }

    public double? OverflowShare { get; set; }

    public string? ApplicationRole { get; set; }

    public List<string>? SecretWords { get; set; }

    public NamingSection? Naming { get; set; }

    public List<ExcludeEntry>? Exclude { get; set; }
}

internal sealed class NamingSection
{
    public string? Pattern { get; set; }

    public string? Index { get; set; }

    public string? PrimaryKey { get; set; }

    public string? ForeignKey { get; set; }

    public string? Unique { get; set; }

    public string? Check { get; set; }

    public string? Exclusion { get; set; }
}

/// <summary>One health.exclude entry: rules switched off (or re-levelled) in a schema or on a table, with the reason why.</summary>
internal sealed class ExcludeEntry
{
    public List<string>? Rules { get; set; }

    public string? Schema { get; set; }

    public string? Table { get; set; }

    /// <summary>none (the default: off), note, warning or error.</summary>
    public string? Level { get; set; }

    public string? Reason { get; set; }
}
