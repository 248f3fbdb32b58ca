namespace DbGate.Core.Snapshots;

/// <summary>An ordinary, partitioned or foreign table with its columns in attnum order.</summary>
/// <param name="Kind"><c>table</c>, <c>partitioned table</c> or <c>foreign table</c>.</param>
/// <param name="PartitionKey">For a partitioned table, such as <c>RANGE (created_at)</c>.</param>
/// <param name="PartitionBound">For a partition, such as <c>FOR VALUES FROM (1) TO (10)</c>.</param>
/// <param name="Parents">The partitioned parent, or the tables inherited from, as schema.name.</param>
/// <param name="OfType">The composite type of a typed table (<c>CREATE TABLE ... OF type</c>).</param>
/// <param name="Options">Storage parameters such as <c>fillfactor=70</c>, sorted.</param>
/// <param name="ReplicaIdentity"><c>DEFAULT</c>, <c>NOTHING</c>, <c>FULL</c> or <c>USING INDEX</c>.</param>
public sealed record TableDefinition(
    string Schema,
    string Name,
    string Kind,
    bool Unlogged,
    bool RowSecurity,
    bool ForceRowSecurity,
    string? PartitionKey,
    string? PartitionBound,
    ValueList<string> Parents,
    string? OfType,
    string? AccessMethod,
    ValueList<string> Options,
    string ReplicaIdentity,
    string? ForeignServer,
    ValueList<string> ForeignOptions,
    ValueList<ColumnDefinition> Columns,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}
