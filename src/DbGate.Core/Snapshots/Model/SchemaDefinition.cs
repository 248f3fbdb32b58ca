namespace DbGate.Core.Snapshots;

/// <summary>A schema (namespace) created by the migrations, or <c>public</c>.</summary>
public sealed record SchemaDefinition(string Name, string? Comment, PrivilegeSet? Privileges);
