namespace DbGate.Core.Snapshots;

/// <summary>A view or materialized view.</summary>
/// <param name="Query">The query as <c>pg_get_viewdef</c> prints it, names schema-qualified.</param>
/// <param name="Options">View options such as <c>security_barrier=true</c> or <c>check_option=local</c>, sorted.</param>
public sealed record ViewDefinition(
    string Schema,
    string Name,
    bool Materialized,
    string Query,
    ValueList<ColumnDefinition> Columns,
    ValueList<string> Options,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}
