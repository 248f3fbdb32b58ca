namespace DbGate.Core.Snapshots;

/// <summary>A row-level security policy.</summary>
/// <param name="Command"><c>ALL</c>, <c>SELECT</c>, <c>INSERT</c>, <c>UPDATE</c> or <c>DELETE</c>.</param>
/// <param name="Permissive">False for <c>AS RESTRICTIVE</c>.</param>
/// <param name="Roles">Role names, sorted; <c>PUBLIC</c> for everyone.</param>
public sealed record PolicyDefinition(
    string Schema,
    string Table,
    string Name,
    string Command,
    bool Permissive,
    ValueList<string> Roles,
    string? Using,
    string? WithCheck,
    string? Comment)
{
    internal string QualifiedTable => Schema + "." + Table;
}
