using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>
/// Builds <see cref="SchemaProvenance"/> as the run goes, from the snapshot after each migration's up: an object that
/// appears was created by that migration, one whose definition differs was changed by it. Only the previous step's
/// objects are kept, never the snapshots.
/// </summary>
/// <remarks>
/// This knows the migration, not the statement: its origins point at the up script's first line and say so
/// (<see cref="Origin.StatementKnown"/> false). The statement needs the observation layer's per-statement catalog delta.
/// </remarks>
internal sealed class ProvenanceRecorder
{
    private Dictionary<ObjectId, SnapshotObject> _objects = [];
    private readonly Dictionary<ObjectId, Origin?> _created = [];
    private readonly Dictionary<ObjectId, List<Origin>> _changes = [];

    /// <summary>The schema before the first migration: what is there already has no origin.</summary>
    public void Start(SchemaSnapshot before)
    {
        _objects = [];
        foreach (var o in SnapshotObjects.Of(before))
        {
            _objects[o.Id] = o;
            _created[o.Id] = null;
        }
    }

    public void Record(Migration migration, SchemaSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var origin = OriginOf(migration);
        var now = new Dictionary<ObjectId, SnapshotObject>();
        var touchedParents = new HashSet<ObjectId>();
        foreach (var o in SnapshotObjects.Of(after))
        {
            now[o.Id] = o;
            if (!_objects.TryGetValue(o.Id, out var was))
            {
                _created[o.Id] = origin;
                _changes.Remove(o.Id);
            }
            else if (!was.Definition.Equals(o.Definition))
            {
                Changed(o.Id, origin);
            }
            else
            {
                continue;
            }
            if (o.Parent is { } parent)
                touchedParents.Add(parent);
        }
        foreach (var gone in _objects.Values.Where(o => !now.ContainsKey(o.Id)))
        {
            _created.Remove(gone.Id);
            _changes.Remove(gone.Id);
            // A child dropped is a change of its table too: the table lost its primary key, say.
            if (gone.Parent is { } parent)
                touchedParents.Add(parent);
        }
        // Only tables that were there before: a new table's own columns are part of its creation.
        foreach (var parent in touchedParents.Where(p => now.ContainsKey(p) && _objects.ContainsKey(p)))
            Changed(parent, origin);
        _objects = now;
    }

    /// <summary>
    /// The up script, at its one statement when it has only one (besides transaction control): then the splitter alone
    /// establishes which statement did it. With several, only observation could, so the origin stays the file.
    /// </summary>
    internal static Origin OriginOf(Migration migration)
    {
        var file = new SourceLocation(migration.Up.RelativePath);
        try
        {
            var statements = Sql.SqlSplitter.Split(File.ReadAllText(migration.Up.FullPath))
                .Where(s => s.Kind == Sql.SqlStatementKind.Sql && !s.IsTransactionControl).ToList();
            return statements.Count == 1
                ? new Origin(migration.Id, file with { Line = statements[0].Line, Column = statements[0].Column }, StatementKnown: true)
                : new Origin(migration.Id, file, StatementKnown: false);
        }
        catch (Exception e) when (e is IOException or Sql.SqlSyntaxException)
        {
            return new Origin(migration.Id, file, StatementKnown: false);
        }
    }

    public SchemaProvenance Build() =>
        new(_created.ToDictionary(c => c.Key, c => new ObjectHistory(c.Value, _changes.TryGetValue(c.Key, out var list) ? [.. list] : [])));

    private void Changed(ObjectId id, Origin origin)
    {
        if (!_changes.TryGetValue(id, out var list))
            _changes[id] = list = [];
        if (list.Count == 0 || list[^1].Migration != origin.Migration)
            list.Add(origin);
    }
}
