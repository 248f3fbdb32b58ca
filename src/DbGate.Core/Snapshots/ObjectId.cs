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
}
