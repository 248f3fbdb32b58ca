using DbGate.Core.Configuration;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Seeding;

/// <summary>
/// What to seed and how: dbgate.yml's <c>seed:</c> section, resolved (paths made absolute, shapes checked). Names
/// are checked against the schema only when seeding, since the schema exists only then; every entry keeps where it
/// was written, so an error about it points at its line.
/// </summary>
public sealed record SeedOptions
{
    public static SeedOptions Default { get; } = new();

    /// <summary>Same seed and schema, same rows, on every run and machine.</summary>
    public long Seed { get; init; }

    /// <summary>Rows for every table not in <see cref="Rows"/>.</summary>
    public long DefaultRows { get; init; } = 100;

    public IReadOnlyList<TableRowCount> Rows { get; init; } = [];

    public IReadOnlyList<ColumnOverride> Columns { get; init; } = [];

    /// <summary>The team's own SQL, run first, in order; a table it fills is not generated.</summary>
    public IReadOnlyList<SeedScript> Scripts { get; init; } = [];

    /// <summary>Where <c>seed:</c> is written, for errors about the section as a whole.</summary>
    public ConfigLocation? Location { get; init; }

    public ConfigLocation? DefaultRowsLocation { get; init; }

    /// <summary>The migration tool's history (its tables, or whole schemas such as sqitch's registry) is never seeded.</summary>
    public Migrations.HistoryScope History { get; init; } = new(SnapshotOptions.DefaultHistoryTables, []);

    /// <summary>ANALYZE the seeded tables afterwards, so plans see the data.</summary>
    public bool Analyze { get; init; } = true;
}

/// <param name="Table"><c>orders</c> or <c>sales.orders</c>, as written.</param>
public sealed record TableRowCount(string Table, long Rows, ConfigLocation? Location = null);

/// <summary>How one column is filled instead of from its type and constraints.</summary>
/// <param name="Column"><c>table.column</c> or <c>schema.table.column</c>, as written.</param>
public sealed record ColumnOverride(string Column, ConfigLocation? Location = null)
{
    /// <summary>The values to draw from, as text the server casts to the column's type; null is SQL NULL.</summary>
    public IReadOnlyList<string?>? Values { get; init; }

    /// <summary>One relative weight per value.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    public SeedDistribution Distribution { get; init; } = SeedDistribution.Uniform;

    /// <summary>The Zipf exponent s: the k-th most frequent value is drawn in proportion to 1/k^s.</summary>
    public double Skew { get; init; } = 1.0;

    public double? NullFraction { get; init; }

    /// <summary>Bounds as text the server reads as the column's type: <c>2020-01-01</c>, <c>0.5</c>.</summary>
    public string? Min { get; init; }

    public string? Max { get; init; }

    /// <summary>An SQL expression evaluated by the server for each row, <c>n</c> being the row number from 1.</summary>
    public string? Sql { get; init; }

    /// <summary>Where each character of <see cref="Sql"/> is written in dbgate.yml, for an error PostgreSQL places inside it.</summary>
    internal YamlValuePlaces? SqlPlaces { get; init; }

    /// <summary>Where each key of this entry is written (values, min, sql…), falling back to the entry.</summary>
    public IReadOnlyDictionary<string, ConfigLocation> KeyLocations { get; init; } = new Dictionary<string, ConfigLocation>(StringComparer.Ordinal);

    internal ConfigLocation? LocationOf(string key) => KeyLocations.GetValueOrDefault(key) ?? Location;
}

public enum SeedDistribution
{
    Uniform,
    Zipf,
}

/// <param name="RelativePath">As messages show it: relative to the project root, with '/'.</param>
public sealed record SeedScript(string FullPath, string RelativePath, ConfigLocation? Location = null);
