namespace DbGate.Core.Snapshots;

/// <summary>
/// A schema object named as the snapshot diff names it (<see cref="SchemaDifference.ObjectName"/>): public.users,
/// public.users.email for a column or a table's constraint, trigger or policy, public.users_email_idx for an index,
/// public.f(integer) for a routine; an enum label's change is a change of its enum. The identity the observation
/// reports catalog changes by, and baselines and provenance key on; never a line number.
/// </summary>
public sealed record ObjectId(SchemaObjectKind Kind, string Name)
{
    public override string ToString() => $"{Label(Kind)} {Name}";

    public static string Label(SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.MaterializedView => "materialized view",
        SchemaObjectKind.EnumType => "enum",
        SchemaObjectKind.CompositeType => "type",
        SchemaObjectKind.DefaultPrivileges => "default privileges",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static ObjectId Table(string qualifiedName) => new(SchemaObjectKind.Table, qualifiedName);

    public static ObjectId Column(string qualifiedTable, string column) => new(SchemaObjectKind.Column, qualifiedTable + "." + column);

    /// <summary>A table's (or, for a domain's CHECK, a domain's) constraint: public.users.users_pkey.</summary>
    public static ObjectId Constraint(string qualifiedTable, string name) => new(SchemaObjectKind.Constraint, qualifiedTable + "." + name);

    public static ObjectId Constraint(ConstraintDefinition c) => Constraint(c.QualifiedTable, c.Name);

    public static ObjectId Trigger(TriggerDefinition t) => new(SchemaObjectKind.Trigger, t.QualifiedTable + "." + t.Name);

    public static ObjectId Policy(PolicyDefinition p) => new(SchemaObjectKind.Policy, p.QualifiedTable + "." + p.Name);

    public static ObjectId View(ViewDefinition v) => new(v.Materialized ? SchemaObjectKind.MaterializedView : SchemaObjectKind.View, v.QualifiedName);
}
