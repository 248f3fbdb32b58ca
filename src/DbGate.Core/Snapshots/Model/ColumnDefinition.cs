namespace DbGate.Core.Snapshots;

/// <summary>A column of a table or view, or an attribute of a composite type. Its position is its place in the list.</summary>
/// <param name="Type">As <c>format_type</c> prints it, modifiers included: <c>character varying(80)</c>.</param>
/// <param name="Default">The default expression; null for generated columns, whose expression is in <paramref name="Generated"/>.</param>
/// <param name="Identity"><c>ALWAYS</c> or <c>BY DEFAULT</c> for identity columns.</param>
/// <param name="Collation">Only when it is not the type's default collation.</param>
/// <param name="Storage">Only when <c>SET STORAGE</c> moved it away from the type's default.</param>
/// <param name="Compression">Only when <c>SET COMPRESSION</c> chose a method.</param>
/// <param name="Acl">Column-level grants, only with <see cref="SnapshotOptions.IncludePrivileges"/>.</param>
public sealed record ColumnDefinition(
    string Name,
    string Type,
    bool NotNull,
    string? Default,
    string? Generated,
    string? Identity,
    string? Collation,
    string? Storage,
    string? Compression,
    string? Comment,
    ValueList<string>? Acl);
