using System.Globalization;
using DbGate.Core.Seeding;

namespace DbGate.Core.Configuration;

/// <summary>
/// Turns dbgate.yml's <c>seed:</c> section into <see cref="SeedOptions"/>, rejecting what is wrong whatever the schema:
/// weights without values, a skew without Zipf, a fraction outside 0..1, a seed file that is not there.
/// </summary>
internal static class SeedOptionsResolver
{
    private static readonly string[] Distributions = ["uniform", "zipf"];
    private static readonly string[] EntryKeys = ["values", "weights", "distribution", "skew", "null_fraction", "min", "max", "sql"];

    public static SeedOptions Resolve(SeedSection? section, YamlLocations locations, string configDirectory, string projectRoot)
    {
        if (section is null)
            return SeedOptions.Default;
        var defaultRows = section.DefaultRows ?? SeedOptions.Default.DefaultRows;
        if (defaultRows < 0)
            throw LocatedError.At(locations.Of("seed", "default_rows"), "seed.default_rows", $"must be 0 or more (got {defaultRows})");
        return new SeedOptions
        {
            Seed = section.Seed ?? 0,
            DefaultRows = defaultRows,
            Location = locations.Of("seed"),
            DefaultRowsLocation = locations.Of("seed", "default_rows"),
            Rows = (section.Rows ?? []).Select(r => Rows(r.Key, r.Value, locations.Of("seed", "rows", r.Key))).ToList(),
            Columns = (section.Columns ?? []).Select(c => Column(c.Key, c.Value ?? new SeedColumnSection(), locations)).ToList(),
            Scripts = (section.Sql ?? []).Select((path, i) => Script(path, locations.Of("seed", "sql", i.ToString(CultureInfo.InvariantCulture)), configDirectory, projectRoot)).ToList(),
        };
    }

    private static TableRowCount Rows(string table, long rows, ConfigLocation? location) =>
        rows >= 0 ? new TableRowCount(table, rows, location) : throw LocatedError.At(location, $"seed.rows.{table}", $"must be 0 or more (got {rows})");

    private static ColumnOverride Column(string key, SeedColumnSection entry, YamlLocations locations)
    {
        var subject = $"seed.columns.{key}";
        var at = locations.Of("seed", "columns", key);
        ConfigLocation? Of(string child) => locations.Of("seed", "columns", key, child);
        if (key.Split('.') is not { Length: 2 or 3 } parts || parts.Any(p => p.Length == 0))
            throw LocatedError.At(at, subject, "name a column as table.column or schema.table.column");
        if (entry.Weights is not null && entry.Values is null)
            throw LocatedError.At(Of("weights"), subject, "weights need values to weigh");
        if (entry.Weights is { } weights && weights.Count != entry.Values!.Count)
            throw LocatedError.At(Of("weights"), subject, $"{weights.Count} weights for {entry.Values.Count} values");
        if (entry.Weights is { } w && (w.Any(x => x < 0 || !double.IsFinite(x)) || w.Sum() <= 0))
            throw LocatedError.At(Of("weights"), subject, "weights must be 0 or more, and not all 0");
        if (entry.Values is { Count: 0 })
            throw LocatedError.At(Of("values"), subject, "values must list at least one value");
        var distribution = entry.Distribution ?? "uniform";
        if (!Distributions.Contains(distribution, StringComparer.Ordinal))
            throw LocatedError.At(Of("distribution"), subject, $"distribution must be one of uniform, zipf (got '{distribution}')");
        if (entry.Skew is not null && distribution != "zipf")
            throw LocatedError.At(Of("skew"), subject, "skew applies to distribution: zipf");
        if (entry.Skew is { } skew && !(skew > 0 && skew <= 100))
            throw LocatedError.At(Of("skew"), subject, $"skew must be above 0 and at most 100 (got {skew.ToString(CultureInfo.InvariantCulture)})");
        if (entry.Weights is not null && distribution == "zipf")
            throw LocatedError.At(Of("distribution"), subject, "weights and distribution: zipf are two ways to skew the values; choose one");
        if (entry.NullFraction is { } fraction && !(fraction >= 0 && fraction <= 1))
            throw LocatedError.At(Of("null_fraction"), subject, $"null_fraction must be between 0 and 1 (got {fraction.ToString(CultureInfo.InvariantCulture)})");
        if (entry.Values is not null && (entry.Min ?? entry.Max) is not null)
            throw LocatedError.At(Of(entry.Min is not null ? "min" : "max"), subject, "min and max bound generated values; with values listed, list only values within them");
        if (entry.Sql is not null)
        {
            var other = new (string Key, bool Given)[]
            {
                ("values", entry.Values is not null), ("distribution", entry.Distribution is not null), ("skew", entry.Skew is not null),
                ("null_fraction", entry.NullFraction is not null), ("min", entry.Min is not null), ("max", entry.Max is not null),
            }.FirstOrDefault(x => x.Given);
            if (other.Key is not null)
                throw LocatedError.At(Of(other.Key), subject, $"sql gives the whole value; {other.Key} cannot be combined with it (write it into the expression)");
            if (string.IsNullOrWhiteSpace(entry.Sql))
                throw LocatedError.At(Of("sql"), subject, "sql must be an expression, such as 'user' || n || '@example.com'");
        }
        var keys = EntryKeys
            .Select(k => (k, Location: Of(k)))
            .Where(x => x.Location is not null && x.Location != at)
            .ToDictionary(x => x.k, x => x.Location!, StringComparer.Ordinal);
        return new ColumnOverride(key, at)
        {
            Values = entry.Values,
            Weights = entry.Weights,
            Distribution = distribution == "zipf" ? SeedDistribution.Zipf : SeedDistribution.Uniform,
            Skew = entry.Skew ?? 1.0,
            NullFraction = entry.NullFraction,
            Min = entry.Min,
            Max = entry.Max,
            Sql = entry.Sql,
            SqlPlaces = entry.Sql is null ? null : locations.PlacesOf("seed", "columns", key, "sql"),
            KeyLocations = keys,
        };
    }

    private static SeedScript Script(string path, ConfigLocation? location, string configDirectory, string projectRoot)
    {
        var full = Path.GetFullPath(path, configDirectory);
        if (!File.Exists(full))
            throw LocatedError.At(location, "seed.sql", $"file not found: {path}");
        return new SeedScript(full, Path.GetRelativePath(projectRoot, full).Replace('\\', '/'), location);
    }
}
