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
    string Catalog,
    long Oid,
    int Sub,
    string? Kind,
    string? Schema,
    string? Name,
    long? FileNode,
    long? ToastFileNode,
    string? Persistence,
    long? AccessMethod,
    long? Tablespace,
    long? Relation,
    bool? Valid,
    bool? Partition,
    string? Type,
    bool? NotNull,
    bool? HasDefault,
    bool? HasMissing,
    string? Generated,
    bool? Dropped,
    long? References,
    bool? Unique,
    long CommandId)
{
    /// <summary>For a relation: its storage options, row-level security and replica identity, as one text; for an acl or
    /// default_acl row: the ACL.</summary>
    public string? Options { get; init; }

    public RowKey Key => new(Catalog, Oid, Sub);

    /// <summary>True for a relation that holds rows: an ordinary, partitioned or foreign table, or a materialized view.</summary>
    public bool IsTable => Catalog == "class" && Kind is "r" or "p" or "f" or "m";

    public bool IsIndex => Catalog == "class" && Kind is "i" or "I";

    public string QualifiedName => Schema is null ? Name ?? "" : $"{Schema}.{Name}";
}

/// <summary>A catalog row's identity: the catalog, the object's oid and, for a column, its attnum.</summary>
public readonly record struct RowKey(string Catalog, long Oid, int Sub);
