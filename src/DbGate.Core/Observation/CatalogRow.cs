using System.Text.Json.Serialization;

namespace DbGate.Core.Observation;

/// <summary>
/// One row version of a tracked catalog as the observation queries print it (Sql/statement.sql explains each field).
/// Only the fields of its catalog are set.
/// </summary>
/// <param name="Catalog">class, attribute, default, constraint, trigger, policy, routine, type, enum, schema,
/// extension, view (a view's rewrite rule), sequence, acl (a relation's or column's privileges), comment or
/// default_acl.</param>
/// <param name="Sub">attnum for columns and defaults, 0 otherwise.</param>
/// <param name="Type">A column's type, a constraint's definition, an index's CREATE INDEX, or for a partition its
/// bound as a CHECK expression.</param>
public sealed record CatalogRow(
    [property: JsonPropertyName("cat")] string Catalog,
    [property: JsonPropertyName("oid")] long Oid,
    [property: JsonPropertyName("sub")] int Sub,
    [property: JsonPropertyName("k")] string? Kind,
    [property: JsonPropertyName("s")] string? Schema,
    [property: JsonPropertyName("n")] string? Name,
    [property: JsonPropertyName("fn")] long? FileNode,
    [property: JsonPropertyName("tfn")] long? ToastFileNode,
    [property: JsonPropertyName("per")] string? Persistence,
    [property: JsonPropertyName("am")] long? AccessMethod,
    [property: JsonPropertyName("ts")] long? Tablespace,
    [property: JsonPropertyName("rel")] long? Relation,
    [property: JsonPropertyName("valid")] bool? Valid,
    [property: JsonPropertyName("part")] bool? Partition,
    [property: JsonPropertyName("ty")] string? Type,
    [property: JsonPropertyName("nn")] bool? NotNull,
    [property: JsonPropertyName("def")] bool? HasDefault,
    [property: JsonPropertyName("miss")] bool? HasMissing,
    [property: JsonPropertyName("gen")] string? Generated,
    [property: JsonPropertyName("drop")] bool? Dropped,
    [property: JsonPropertyName("ref")] long? References,
    [property: JsonPropertyName("uq")] bool? Unique,
    [property: JsonPropertyName("cid")] long CommandId)
{
    /// <summary>For a relation: its storage options, row-level security and replica identity, as one text; for an acl or
    /// default_acl row: the ACL.</summary>
    [JsonPropertyName("opt")]
    public string? Options { get; init; }

    [JsonIgnore]
    public RowKey Key => new(Catalog, Oid, Sub);

    /// <summary>True for a relation that holds rows: an ordinary, partitioned or foreign table, or a materialized view.</summary>
    [JsonIgnore]
    public bool IsTable => Catalog == "class" && Kind is "r" or "p" or "f" or "m";

    [JsonIgnore]
    public bool IsIndex => Catalog == "class" && Kind is "i" or "I";

    [JsonIgnore]
    public string QualifiedName => Schema is null ? Name ?? "" : $"{Schema}.{Name}";
}

/// <summary>A catalog row's identity: the catalog, the object's oid and, for a column, its attnum.</summary>
public readonly record struct RowKey(string Catalog, long Oid, int Sub);
