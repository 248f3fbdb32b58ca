namespace DbGate.Core.Snapshots;

/// <summary>A sequence's definition; its current value is data and is not recorded.</summary>
/// <param name="OwnedByTable">The table of the OWNED BY column (serial and identity columns), as schema.name.</param>
/// <param name="Identity">True for the sequence behind an identity column.</param>
public sealed record SequenceDefinition(
    string Schema,
    string Name,
    string Type,
    long Start,
    long Minimum,
    long Maximum,
    long Increment,
    bool Cycle,
    long Cache,
    string? OwnedByTable,
    string? OwnedByColumn,
    bool Identity,
    bool Unlogged,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}
