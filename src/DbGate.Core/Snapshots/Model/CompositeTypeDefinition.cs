namespace DbGate.Core.Snapshots;

/// <summary>A free-standing composite type (<c>CREATE TYPE ... AS (...)</c>); table row types are not listed.</summary>
public sealed record CompositeTypeDefinition(
    string Schema,
    string Name,
    ValueList<ColumnDefinition> Attributes,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}
