namespace DbGate.Core.Snapshots;

/// <summary>One way in which the schema that is there differs from the one that should be.</summary>
/// <param name="ObjectName">Schema-qualified: <c>public.users</c>, <c>public.users.email</c> for a column or a table's
/// constraint, trigger or policy, <c>public.f(integer)</c> for a routine.</param>
/// <param name="Description">One sentence for a reviewer, such as <c>index public.users_created_at_idx was left behind</c>.</param>
public sealed record SchemaDifference(DifferenceKind Kind, SchemaObjectKind ObjectKind, string ObjectName, string Description);

/// <summary>How an object differs between the expected and the actual schema.</summary>
public enum DifferenceKind
{
    /// <summary>Expected, but not there.</summary>
    Missing,

    /// <summary>There, but not expected: left behind.</summary>
    Unexpected,

    /// <summary>There as expected, but defined differently.</summary>
    Changed,

    /// <summary>Same columns, other order. Usually harmless, so callers may report it at a lower level.</summary>
    ColumnOrder,
}

/// <summary>The kind of database object a <see cref="SchemaDifference"/> is about.</summary>
public enum SchemaObjectKind
{
    Schema,
    Extension,
    Table,
    Column,
    Constraint,
    Index,
    View,
    MaterializedView,
    Sequence,
    Routine,
    Trigger,
    Policy,
    EnumType,
    Domain,
    CompositeType,
    DefaultPrivileges,

    /// <summary>A role; never in a snapshot (roles are the cluster's), only named by health findings.</summary>
    Role,
}
