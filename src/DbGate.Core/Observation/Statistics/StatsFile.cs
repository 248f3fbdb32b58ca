using System.Text.Json;
using System.Text.Json.Serialization;
using DbGate.Core.Configuration;

namespace DbGate.Core.Observation.Statistics;

/// <summary>
/// The file <c>dotnet dbgate stats export</c> writes and <c>lint.stats</c> reads: production row and page estimates
/// per table, taken from the catalog and statistics views of a real server, never from its rows.
/// </summary>
public sealed record StatsFile(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("exported_at")] DateTimeOffset ExportedAt,
    [property: JsonPropertyName("tables")] IReadOnlyList<TableStats> Tables)
{
    public const int CurrentFormat = 1;

    public static async Task<IReadOnlyList<(string Name, TableSize Size)>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new ConfigurationException($"lint.stats: file not found: {path}");
        StatsFile? file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync(stream, StatsJsonContext.Default.StatsFile, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"lint.stats: {Path.GetFileName(path)} is not a stats export ({e.Message.Split('.')[0]})", e);
        }
        if (file is not { Format: CurrentFormat })
            throw new ConfigurationException($"lint.stats: {Path.GetFileName(path)} has format {file?.Format}, expected {CurrentFormat} (write it again with dotnet dbgate stats export)");
        return [.. file.Tables.Select(t => ($"{t.Schema}.{t.Name}", new TableSize(t.Rows, t.Pages, t.TotalBytes)))];
    }

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, this, StatsJsonContext.Default.StatsFile, cancellationToken);
}

/// <param name="Rows">The planner's estimate (reltuples), or the live tuples counted by the statistics collector when
/// the table was never analysed; for a partitioned table, its partitions' sum.</param>
public sealed record TableStats(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] double Rows,
    [property: JsonPropertyName("pages")] long Pages,
    [property: JsonPropertyName("total_bytes")] long TotalBytes);

[JsonSerializable(typeof(StatsFile))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
