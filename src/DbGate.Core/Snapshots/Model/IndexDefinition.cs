namespace DbGate.Core.Snapshots;

/// <summary>An index that does not implement a constraint (those are described by the constraint).</summary>
/// <param name="Table">The indexed table or materialized view, in the index's schema.</param>
/// <param name="Statement">The full <c>CREATE INDEX</c> as <c>pg_get_indexdef</c> prints it; the other fields explain it.</param>
/// <param name="KeyColumns">Key columns or expressions, without ordering options (those are in <paramref name="Statement"/>).</param>
/// <param name="Valid">False when a <c>CREATE INDEX CONCURRENTLY</c> failed and left an unusable index.</param>
public sealed record IndexDefinition(
    string Schema,
    string Name,
    string Table,
    string Statement,
    string Method,
    bool Unique,
    ValueList<string> KeyColumns,
    ValueList<string> IncludedColumns,
    string? Predicate,
    bool Valid,
    bool Ready,
    bool Clustered,
    bool ReplicaIdentity,
    string? Comment)
{
    internal string QualifiedName => Schema + "." + Name;

    internal string QualifiedTable => Schema + "." + Table;
}
