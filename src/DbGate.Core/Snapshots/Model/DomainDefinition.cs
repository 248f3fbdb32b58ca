namespace DbGate.Core.Snapshots;

/// <summary>A domain over a base type.</summary>
/// <param name="Collation">Only when it is not the base type's default collation.</param>
public sealed record DomainDefinition(
    string Schema,
    string Name,
    string BaseType,
    string? Default,
    bool NotNull,
    string? Collation,
    ValueList<DomainConstraintDefinition> Constraints,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string QualifiedName => Schema + "." + Name;
}

/// <summary>A CHECK constraint of a domain.</summary>
public sealed record DomainConstraintDefinition(string Name, string Clause, bool Validated, string? Comment);
