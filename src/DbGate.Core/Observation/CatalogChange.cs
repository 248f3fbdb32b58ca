using DbGate.Core.Snapshots;

namespace DbGate.Core.Observation;

/// <summary>
/// A schema object as the snapshot model names it (<see cref="SchemaDifference.ObjectName"/>): public.users,
/// public.users.email for a column or a table's constraint, trigger or policy, public.f(integer) for a routine,
/// public.mood.value for an enum label is reported as a change of the enum public.mood.
/// </summary>
public sealed record ObjectKey(SchemaObjectKind Kind, string Name)
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
}

public enum ChangeKind
{
    Created,
    Altered,
    Dropped,
}

/// <summary>
/// One object a statement created, altered or dropped, with its catalog row just before and just after the statement.
/// </summary>
/// <param name="PreExisting">The object existed before the script began: harm to it reaches production's users.</param>
/// <param name="BeforeMigration">It existed before the migration: for a down, before its up. Dropping or renaming what
/// the up created breaks no client, since the code a rollback returns to never knew it.</param>
public sealed record CatalogChange(ChangeKind Kind, ObjectKey Target, CatalogRow? Before, CatalogRow? After, bool PreExisting, bool BeforeMigration)
{
    public CatalogRow Row => After ?? Before!;
}
