using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>
/// Builds <see cref="SchemaProvenance"/> as the run goes, from the snapshot after each migration's up: an object that
/// appears was created by that migration, one whose definition differs was changed by it. Only the previous step's
/// objects are kept, never the snapshots.
/// </summary>
/// <remarks>
/// With the lint on, the observation layer's per-statement catalog delta says which statement created or changed each
/// object. Without it (or for what it does not track: default privileges, say) only the migration is known, and an
/// origin points at the up script's first line and says so (<see cref="Origin.StatementKnown"/> false), unless the
/// script has a single statement.
/// </remarks>
internal sealed class ProvenanceRecorder
{
    private Dictionary<ObjectId, SnapshotObject> _objects = [];
    private readonly Dictionary<ObjectId, Origin?> _created = [];
    private readonly Dictionary<ObjectId, List<Origin>> _changes = [];

    /// <summary>The schema before the first migration: what is there already has no origin, unless
    /// <paramref name="prefix"/> (the provenance of a --changed run's unchanged migrations) says where it came from.</summary>
    public void Start(SchemaSnapshot before, SchemaProvenance? prefix = null)
    {
        _objects = [];
        foreach (var o in SnapshotObjects.Of(before))
        {
            _objects[o.Id] = o;
            var history = prefix?.Of(o.Id);
            _created[o.Id] = history?.Created;
            if (history is { Changes.Count: > 0 })
                _changes[o.Id] = [.. history.Changes];
        }
    }

    /// <param name="up">The up script as the step loaded it (decoded and split); null in command mode, where the tool runs the step.</param>
    /// <param name="statements">The migration's statements as the observation saw them (none when nothing observed):
    /// each object's origin is then the statement whose catalog change created or changed it.</param>
    public void Record(Migration migration, LoadedScript? up, SchemaSnapshot after, IReadOnlyList<StatementObservation>? statements = null)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var file = OriginOf(migration, up);
        var now = new Dictionary<ObjectId, SnapshotObject>();
        foreach (var o in SnapshotObjects.Of(after))
            now[o.Id] = o;
        var observed = new StatementChanges(migration.Id, AtSource(migration, statements ?? []),
            id => now.TryGetValue(id, out var o) ? o.Parent : _objects.TryGetValue(id, out var was) ? was.Parent : null);
        var touchedParents = new HashSet<ObjectId>();
        foreach (var o in now.Values)
        {
            var known = _objects.TryGetValue(o.Id, out var was);
            if (!known && FormerId(o, observed, now) is { } former)
            {
                // Renamed (it, or the table it belongs to): the same object, so it keeps where it came from.
                _created[o.Id] = _created.GetValueOrDefault(former.Was);
                _changes[o.Id] = _changes.TryGetValue(former.Was, out var earlier) ? [.. earlier] : [];
                Changed(o.Id, former.By);
                foreach (var later in observed.Changes(o.Id, since: former.By))
                    Changed(o.Id, later);
            }
            else if (!known || (!was.Definition.Equals(o.Definition) && observed.Recreation(o.Id) is not null))
            {
                // Created, or dropped and created again as something else (a key re-added with ON DELETE CASCADE); an
                // index PostgreSQL rebuilt as it was for ALTER COLUMN TYPE stays the one its CREATE INDEX made. A table's column made by its CREATE TABLE shows as its own
                // change; one the catalog delta does not name (an object the observation does not track) falls back
                // to its table's statement, then the file.
                var created = observed.Creation(o.Id) ?? (o.Parent is { } p && !_objects.ContainsKey(p) ? observed.Creation(p) : null) ?? file;
                _created[o.Id] = created;
                _changes.Remove(o.Id);
                // Later statements of the same migration that changed it are its changes too.
                foreach (var later in observed.Changes(o.Id, since: created))
                    Changed(o.Id, later);
            }
            else if (!was.Definition.Equals(o.Definition) || observed.Changes(o.Id).Any())
            {
                // Also what a statement was observed to change though the step's snapshot shows no difference: a GRANT
                // when the run's snapshots leave privileges out (the health checks' final one has them).
                ChangedBy(o, observed, file);
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
        // Default privileges are in the step's snapshot only when the run compares privileges; otherwise the observation
        // alone knows them (a later REVOKE that empties an entry deletes its row unseen, which leaves a history unused).
        foreach (var id in observed.Objects.Where(i => i.Kind == SchemaObjectKind.DefaultPrivileges && !now.ContainsKey(i)))
        {
            if (_created.TryAdd(id, observed.Creation(id)))
                _changes.Remove(id);
            foreach (var later in observed.Changes(id, since: _created[id]))
                Changed(id, later);
        }
        // Only tables that were there before: a new table's own columns are part of its creation.
        foreach (var parent in touchedParents.Where(p => now.ContainsKey(p) && _objects.ContainsKey(p)))
            ChangedBy(now[parent], observed, file);
        _objects = now;
    }

    /// <summary>
    /// The up script, at its one statement when it has only one (besides transaction control): then the splitter alone
    /// establishes which statement did it. With several, only observation could, so the origin stays the file.
    /// </summary>
    internal static Origin OriginOf(Migration migration, LoadedScript? up)
    {
        // SQL a tool generated (EF Core: the Up method) and command mode's steps (the step's source file, else
        // dbgate.yml): what the user wrote is the origin, and which statement did it is not known.
        if (migration.Up.Origin is { } source)
            return new Origin(migration.Id, source, StatementKnown: false);
        var file = new SourceLocation(migration.Up.RelativePath);
        if (up is null)
            return new Origin(migration.Id, file, StatementKnown: false);
        var statements = up.Statements.Where(s => s.Kind == Sql.SqlStatementKind.Sql && !s.IsTransactionControl).Take(2).ToList();
        return statements.Count == 1
            ? new Origin(migration.Id, file with { Line = statements[0].Line, Column = statements[0].Column }, StatementKnown: true)
            : new Origin(migration.Id, file, StatementKnown: false);
    }

    /// <summary>Statements of generated SQL (EF Core) are placed at its source, the migration's Up method, where the user can change them.</summary>
    private static IEnumerable<StatementObservation> AtSource(Migration migration, IEnumerable<StatementObservation> statements) =>
        migration.Up.Origin is { } source
            ? statements.Select(s => s.Location.Path == migration.Up.RelativePath ? s with { Location = source } : s)
            : statements;

    public SchemaProvenance Build() =>
        new(_created.ToDictionary(c => c.Key, c => new ObjectHistory(c.Value, _changes.TryGetValue(c.Key, out var list) ? [.. list] : [])));

    /// <summary>
    /// The name a new object had before this migration, when a statement renamed it, or renamed the table whose column,
    /// constraint, trigger or policy it is; the rename statement, or the file when only the table's rename was observed.
    /// </summary>
    private (ObjectId Was, Origin By)? FormerId(SnapshotObject o, StatementChanges observed, Dictionary<ObjectId, SnapshotObject> now)
    {
        if (observed.Rename(o.Id) is { } own && _objects.ContainsKey(own.Was))
            return own;
        if (o.Parent is not { } parent || observed.Rename(parent) is not { } table || !o.Id.Name.StartsWith(parent.Name + ".", StringComparison.Ordinal))
            return null;
        var was = o.Id with { Name = table.Was.Name + o.Id.Name[parent.Name.Length..] };
        return _objects.ContainsKey(was) && !now.ContainsKey(was) ? (was, table.By) : null;
    }

    /// <summary>
    /// The statements observed to change it, else those that renamed a column or table its definition names, else (the
    /// lint is off, or it is not a catalog the observation tracks) the migration's file.
    /// </summary>
    private void ChangedBy(SnapshotObject o, StatementChanges observed, Origin file)
    {
        var id = o.Id;
        var statements = observed.Changes(id).ToList();
        if (statements.Count == 0)
            statements = [.. (o.Names ?? []).Select(observed.Rename).OfType<(ObjectId Was, Origin By)>().Select(r => r.By).Distinct()];
        foreach (var origin in statements.Count > 0 ? statements : [file])
            Changed(id, origin);
    }

    private void Changed(ObjectId id, Origin origin)
    {
        if (!_changes.TryGetValue(id, out var list))
            _changes[id] = list = [];
        if (!list.Contains(origin))
            list.Add(origin);
    }
}
