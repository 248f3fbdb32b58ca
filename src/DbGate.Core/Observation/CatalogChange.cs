using DbGate.Core.Snapshots;

namespace DbGate.Core.Observation;

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
public sealed record CatalogChange(ChangeKind Kind, ObjectId Target, CatalogRow? Before, CatalogRow? After, bool PreExisting, bool BeforeMigration)
{
    public CatalogRow Row => After ?? Before!;

    /// <summary>For a column or a constraint: the table or domain it belongs to, its target's name without its own.</summary>
    public string Parent => Target.Name[..^(Row.Name!.Length + 1)];
}
