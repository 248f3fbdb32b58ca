namespace DbGate.Core.Snapshots;

/// <summary>An <c>ALTER DEFAULT PRIVILEGES</c> entry; recorded only with <see cref="SnapshotOptions.IncludePrivileges"/>.</summary>
/// <param name="Schema">Null when the entry applies to every schema.</param>
/// <param name="ObjectType"><c>TABLES</c>, <c>SEQUENCES</c>, <c>FUNCTIONS</c>, <c>TYPES</c> or <c>SCHEMAS</c>.</param>
public sealed record DefaultPrivilegeDefinition(string Role, string? Schema, string ObjectType, ValueList<string> Acl)
{
    internal string Key => $"{Role} {Schema ?? "*"} {ObjectType}";
}
