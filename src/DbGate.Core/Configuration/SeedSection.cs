namespace DbGate.Core.Configuration;

/// <summary>The <c>seed:</c> section of dbgate.yml, as written. See README, "Seeding".</summary>
internal sealed class SeedSection
{
    /// <summary>Same seed and schema, same rows.</summary>
    public long? Seed { get; set; }

    /// <summary>Rows for every table not listed in <see cref="Rows"/>.</summary>
    public long? DefaultRows { get; set; }

    /// <summary>Table (<c>orders</c> or <c>sales.orders</c>) → rows.</summary>
    public Dictionary<string, long>? Rows { get; set; }

    /// <summary><c>table.column</c> (or <c>schema.table.column</c>) → how to fill it.</summary>
    public Dictionary<string, SeedColumnSection>? Columns { get; set; }

    /// <summary>The team's own seed files, run first; a table they fill is not generated.</summary>
    public List<string>? Sql { get; set; }
}

/// <summary>One entry of <c>seed.columns</c>.</summary>
internal sealed class SeedColumnSection
{
    public List<string?>? Values { get; set; }

    public List<double>? Weights { get; set; }

    /// <summary><c>uniform</c> (the default) or <c>zipf</c>.</summary>
    public string? Distribution { get; set; }

    public double? Skew { get; set; }

    public double? NullFraction { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    /// <summary>An SQL expression the server evaluates per row, with <c>n</c> the row number from 1.</summary>
    public string? Sql { get; set; }
}
