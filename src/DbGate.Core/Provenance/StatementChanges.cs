using DbGate.Core.Observation;
using DbGate.Core.Results;

namespace DbGate.Core.Provenance;

/// <summary>
/// Which statements of one migration's up created or changed which objects, as the observation layer saw each
/// statement's catalog delta while it ran. A change of a column, constraint, index, trigger or policy also counts for
/// its table, as the snapshot comparison counts it.
/// </summary>
internal sealed class StatementChanges
{
    private readonly Dictionary<ObjectId, List<(Origin Origin, ChangeKind Kind)>> _byObject = [];

    /// <param name="parentOf">The table an object belongs to, from the snapshots before and after the migration.</param>
    public StatementChanges(string migration, IEnumerable<StatementObservation> statements, Func<ObjectId, ObjectId?> parentOf)
    {
        // Only the forward run's up is the schema's history; a down observed beside it was rolled back.
        foreach (var statement in statements.Where(s => s.Phase == Phase.Up && !s.NotSent))
        {
            var origin = new Origin(migration, statement.Location, StatementKnown: true);
            foreach (var change in statement.Changes)
            {
                var id = new ObjectId(change.Target.Kind, change.Target.Name);
                Add(id, origin, change.Kind);
                if (parentOf(id) is { } parent)
                    Add(parent, origin, ChangeKind.Altered);
            }
        }
    }

    public bool IsEmpty => _byObject.Count == 0;

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

    /// <summary>The statements that changed the object, in order, after <paramref name="since"/> when it is given.</summary>
    public IEnumerable<Origin> Changes(ObjectId id, Origin? since = null)
    {
        if (!_byObject.TryGetValue(id, out var list))
            return [];
        var start = since is null ? 0 : list.FindLastIndex(c => c.Origin == since) + 1;
        return list.Skip(start).Where(c => c.Origin != since).Select(c => c.Origin).Distinct();
    }

    private void Add(ObjectId id, Origin origin, ChangeKind kind)
    {
        if (!_byObject.TryGetValue(id, out var list))
            _byObject[id] = list = [];
        if (!list.Contains((origin, kind)))
            list.Add((origin, kind));
    }
}
