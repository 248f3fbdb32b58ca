using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>
/// Which statements of one migration's up created or changed which objects, as the observation layer saw each
/// statement's catalog delta while it ran. A change of a column, constraint, index, trigger or policy also counts for
/// its table, as the snapshot comparison counts it.
/// </summary>
internal sealed class StatementChanges
{
    private readonly Dictionary<ObjectId, List<(Origin Origin, ChangeKind Kind)>> _byObject = [];

    /// <summary>Objects a statement renamed (or moved to another schema): the new name, the old one and the statement.</summary>
    private readonly Dictionary<ObjectId, (ObjectId Was, Origin By)> _renamed = [];

    /// <param name="parentOf">The table an object belongs to, from the snapshots before and after the migration.</param>
    public StatementChanges(string migration, IEnumerable<StatementObservation> statements, Func<ObjectId, ObjectId?> parentOf)
    {
        // Only the forward run's up is the schema's history; a down observed beside it was rolled back.
        foreach (var statement in statements.Where(s => s.Phase == Phase.Up && !s.NotSent))
        {
            var origin = new Origin(migration, statement.Location, StatementKnown: true);
            foreach (var change in statement.Changes)
            {
                var id = change.Target;
                Add(id, origin, change.Kind);
                if (FormerName(change) is { } was && was != id)
                    _renamed[id] = (was, origin);
                if (parentOf(id) is { } parent)
                    Add(parent, origin, ChangeKind.Altered);
            }
        }
    }

    /// <summary>Every object a statement was observed to create, change or drop.</summary>
    public IEnumerable<ObjectId> Objects => _byObject.Keys;

    /// <summary>The statement that created the object: the last one observed to create it (a migration may drop and
    /// create it again), else the last one that changed it (a rename makes a new name), else none.</summary>
    public Origin? Creation(ObjectId id)
    {
        if (!_byObject.TryGetValue(id, out var list))
            return null;
        var created = list.FindLastIndex(c => c.Kind == ChangeKind.Created);
        var changed = list.FindLastIndex(c => c.Kind != ChangeKind.Dropped);
        return created >= 0 ? list[created].Origin : changed >= 0 ? list[changed].Origin : null;
    }

    /// <summary>The statement that created the object again after dropping it (a key re-added with ON DELETE CASCADE,
    /// say): the object of the final schema is that one.</summary>
    public Origin? Recreation(ObjectId id)
    {
        if (!_byObject.TryGetValue(id, out var list))
            return null;
        var dropped = list.FindIndex(c => c.Kind == ChangeKind.Dropped);
        var created = list.FindLastIndex(c => c.Kind == ChangeKind.Created);
        return dropped >= 0 && created >= dropped ? list[created].Origin : null;
    }

    /// <summary>The statements that changed the object, in order, after <paramref name="since"/> when it is given.</summary>
    public IEnumerable<Origin> Changes(ObjectId id, Origin? since = null)
    {
        if (!_byObject.TryGetValue(id, out var list))
            return [];
        var start = since is null ? 0 : list.FindLastIndex(c => c.Origin == since) + 1;
        return list.Skip(start).Where(c => c.Origin != since).Select(c => c.Origin).Distinct();
    }

    /// <summary>The name the object had before a statement renamed it, and that statement; null when none did.</summary>
    public (ObjectId Was, Origin By)? Rename(ObjectId id) => _renamed.TryGetValue(id, out var r) ? r : null;

    // The row before the statement names the object as it was; a column, constraint, trigger or policy keeps its table.
    private static ObjectId? FormerName(CatalogChange change)
    {
        if (change is not { Kind: ChangeKind.Altered, Before: { } before, After: { } after } || (before.Name == after.Name && before.Schema == after.Schema))
            return null;
        return before.Catalog switch
        {
            "class" or "routine" or "type" => new ObjectId(change.Target.Kind, before.QualifiedName),
            "schema" => new ObjectId(change.Target.Kind, before.Name ?? ""),
            "attribute" or "constraint" or "trigger" or "policy" when change.Target.Name.EndsWith("." + after.Name, StringComparison.Ordinal) =>
                new ObjectId(change.Target.Kind, change.Target.Name[..^(after.Name!.Length)] + before.Name),
            _ => null,
        };
    }

    private void Add(ObjectId id, Origin origin, ChangeKind kind)
    {
        if (!_byObject.TryGetValue(id, out var list))
            _byObject[id] = list = [];
        if (!list.Contains((origin, kind)))
            list.Add((origin, kind));
    }
}
