using System.Text.Json;
using System.Text.Json.Serialization;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>
/// <see cref="SchemaProvenance"/> as JSON, kept beside a cached migrated prefix (check --changed) so that the objects
/// the prefix created still point at their statements when the run starts from the cache instead of stepping through it.
/// </summary>
internal static class ProvenanceFile
{
    public const string Name = "provenance.json";

    public static string Write(SchemaProvenance provenance) =>
        JsonSerializer.Serialize(
            [.. provenance.Histories.OrderBy(h => h.Key.Kind).ThenBy(h => h.Key.Name, StringComparer.Ordinal)
                .Select(h => new ProvenanceEntry(h.Key.Kind, h.Key.Name, h.Value.Created, h.Value.Changes))],
            ProvenanceJsonContext.Default.ListProvenanceEntry);

    /// <summary>The provenance written by <see cref="Write"/>; null for text that is not (a damaged cache entry only
    /// costs the origins, never the run).</summary>
    public static SchemaProvenance? Read(string json)
    {
        try
        {
            var entries = JsonSerializer.Deserialize(json, ProvenanceJsonContext.Default.ListProvenanceEntry);
            return entries is null ? null : new SchemaProvenance(entries.ToDictionary(e => new ObjectId(e.Kind, e.Name), e => new ObjectHistory(e.Created, e.Changes)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record ProvenanceEntry(SchemaObjectKind Kind, string Name, Origin? Created, IReadOnlyList<Origin> Changes);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(List<ProvenanceEntry>))]
internal sealed partial class ProvenanceJsonContext : JsonSerializerContext;
