using System.Text.Json.Serialization;

namespace DbGate.Core.Observation;

/// <summary>What statement.sql returns: the locks held, the rows written, the settings after the statement.</summary>
internal sealed record ObservedAfter(
    [property: JsonPropertyName("locks")] IReadOnlyList<ObservedLock> Locks,
    [property: JsonPropertyName("objects")] IReadOnlyList<CatalogRow> Objects,
    [property: JsonPropertyName("lock_timeout")] string LockTimeout,
    [property: JsonPropertyName("statement_timeout")] string StatementTimeout,
    [property: JsonPropertyName("timezone")] string TimeZone,
    [property: JsonPropertyName("clock")] double Clock);

/// <param name="Catalog">class for a relation lock, or the catalog of a locked object (pg_constraint…).</param>
/// <param name="Gone">The locked object no longer exists: the statement dropped it.</param>
/// <param name="Scans">For a relation: sequential scans of it so far in this transaction.</param>
internal sealed record ObservedLock(
    [property: JsonPropertyName("cat")] string Catalog,
    [property: JsonPropertyName("oid")] long Oid,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("gone")] bool Gone,
    [property: JsonPropertyName("scans")] long? Scans);

/// <summary>What baseline.sql returns: every tracked object of the user's schemas.</summary>
internal sealed record ObservedBaseline([property: JsonPropertyName("objects")] IReadOnlyList<CatalogRow> Objects);

[JsonSerializable(typeof(ObservedAfter))]
[JsonSerializable(typeof(ObservedBaseline))]
internal sealed partial class ObservationJsonContext : JsonSerializerContext;
