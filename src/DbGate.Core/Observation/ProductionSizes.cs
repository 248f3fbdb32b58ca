using System.Globalization;

namespace DbGate.Core.Observation;

/// <summary>How big a table is in production: CI's tables are empty, so cost is judged by these.</summary>
/// <param name="Bytes">The table with its indexes and TOAST, when a stats export measured it.</param>
public sealed record TableSize(double Rows, long? Pages = null, long? Bytes = null);

/// <summary>
/// Production sizes from dbgate.yml's lint.tables and a stats export. A table with no size counts as large:
/// not knowing is no reason to stay silent.
/// </summary>
/// <param name="Tables">By schema.name, or by bare name to match the table in any schema.</param>
/// <param name="SmallTableRows">Below this many rows lock and rewrite findings drop to notes.</param>
public sealed record ProductionSizes(IReadOnlyDictionary<string, TableSize> Tables, long SmallTableRows = ProductionSizes.DefaultSmallTableRows)
{
    public const long DefaultSmallTableRows = 10_000;

    public static ProductionSizes None { get; } = new(new Dictionary<string, TableSize>());

    public TableSize? Of(string qualifiedName)
    {
        if (Tables.TryGetValue(qualifiedName, out var size))
            return size;
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && Tables.TryGetValue(qualifiedName[(dot + 1)..], out size) ? size : null;
    }

    public bool IsSmall(string qualifiedName) => Of(qualifiedName) is { } size && size.Rows < SmallTableRows;

    /// <summary>"public.orders (≈50M rows)", or just the name when its size is unknown.</summary>
    public string Describe(string qualifiedName) =>
        Of(qualifiedName) is { } size ? $"{qualifiedName} (≈{Rows(size.Rows)} rows{Bytes(size.Bytes)})" : qualifiedName;

    public static string Rows(double rows) => rows switch
    {
        >= 1e9 => Scaled(rows / 1e9) + "B",
        >= 1e6 => Scaled(rows / 1e6) + "M",
        >= 1e4 => Scaled(rows / 1e3) + "k",
        _ => ((long)rows).ToString(CultureInfo.InvariantCulture),
    };

    private static string Scaled(double value) => value.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);

    private static string Bytes(long? bytes) => bytes switch
    {
        null or 0 => "",
        >= 1L << 30 => $", {(bytes.Value / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GB",
        _ => $", {(bytes.Value / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
