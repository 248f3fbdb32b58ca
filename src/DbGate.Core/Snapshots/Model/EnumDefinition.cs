namespace DbGate.Core.Snapshots;

/// <summary>An enum type with its labels in sort order.</summary>
public sealed record EnumDefinition(string Schema, string Name, ValueList<string> Labels, string? Comment, PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}
