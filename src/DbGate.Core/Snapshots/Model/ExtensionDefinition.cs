namespace DbGate.Core.Snapshots;

/// <summary>An installed extension. The objects it owns are not recorded: its name and version stand for them.</summary>
public sealed record ExtensionDefinition(string Name, string Version, string Schema, string? Comment);
