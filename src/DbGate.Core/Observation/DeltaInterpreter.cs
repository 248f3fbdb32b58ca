using DbGate.Core.Snapshots;

namespace DbGate.Core.Observation;

/// <summary>
/// Applies the rows one statement wrote to the mirror and says what they mean: which objects were created,
/// altered or dropped, and which pre-existing relations got a new relfilenode.
/// </summary>
internal static class DeltaInterpreter
{
    // Parents first, so a new table's columns and constraints find their table's name in the mirror.
    private static readonly string[] Order = ["schema", "extension", "type", "class", "attribute", "default", "constraint", "trigger", "policy", "routine", "enum", "view", "sequence", "acl", "comment", "default_acl"];

    private static readonly Dictionary<string, string> LockedCatalogs = new(StringComparer.Ordinal)
    {
        ["class"] = "class", ["pg_constraint"] = "constraint", ["pg_trigger"] = "trigger", ["pg_policy"] = "policy",
        ["pg_proc"] = "routine", ["pg_type"] = "type", ["pg_namespace"] = "schema", ["pg_extension"] = "extension", ["pg_enum"] = "enum",
    };

    public static (IReadOnlyList<CatalogChange> Changes, IReadOnlyList<Rewrite> Rewrites) Apply(CatalogMirror mirror, ObservedAfter after)
    {
        var changes = new List<CatalogChange>();
        var rewrites = new List<Rewrite>();

        // A dropped object's row is gone; its lock (held to the end of the transaction) says it was there. Keys are
        // taken before anything is removed, while a dropped constraint's table is still known.
        var gone = after.Locks.Where(l => l.Gone && LockedCatalogs.ContainsKey(l.Catalog))
            .Select(l => new RowKey(LockedCatalogs[l.Catalog], l.Oid, 0))
            .Distinct()
            .Select(k => (Key: k, Row: mirror.Get(k)))
            .Where(x => x.Row is not null)
            .Select(x => (x.Key, Object: ObjectKeys.Of(x.Row!, mirror)))
            .OrderBy(x => x.Object?.ToString(), StringComparer.Ordinal)
            .ToList();
        foreach (var (key, objectKey) in gone)
        {
            var (before, preExisting, beforeMigration) = mirror.Remove(key);
            if (objectKey is not null && before is not null)
                changes.Add(new CatalogChange(ChangeKind.Dropped, objectKey, before, null, preExisting, beforeMigration));
        }

        var createdHere = new HashSet<ObjectId>();
        var extensionCreated = false;
        // Oids within a catalog follow creation, the same on every server; the catalog's physical order need not.
        foreach (var row in after.Objects.OrderBy(r => Array.IndexOf(Order, r.Catalog)).ThenBy(r => r.Oid).ThenBy(r => r.Sub))
        {
            var (before, preExisting, beforeMigration) = mirror.Write(row);
            if (row.Catalog == "class" && before is not null && preExisting)
                rewrites.AddRange(RewritesOf(before, row, mirror));
            // Objects an extension brings belong to it, as in the snapshot.
            if (extensionCreated && before is null && row.Catalog is "routine" or "type" or "class")
                continue;
            var change = Interpret(row, before, preExisting, mirror) is { } c ? c with { BeforeMigration = beforeMigration } : null;
            if (change is null || (change.Kind == ChangeKind.Altered && createdHere.Contains(change.Target)))
                continue;
            if (change.Kind == ChangeKind.Created)
            {
                createdHere.Add(change.Target);
                extensionCreated |= change.Target.Kind == SchemaObjectKind.Extension;
            }
            if (!changes.Any(c => c.Target == change.Target && c.Kind == change.Kind))
                changes.Add(change);
        }
        return (changes, rewrites);
    }

    private static CatalogChange? Interpret(CatalogRow row, CatalogRow? before, bool preExisting, CatalogMirror mirror)
    {
        // A GRANT or REVOKE changes the object only when its ACL did; any comment written is one.
        if (row.Catalog == "acl" && before?.Options == row.Options)
            return null;
        if (row.Catalog is "enum" or "default" or "view" or "sequence" or "acl" or "comment")
            return ObjectKeys.Of(row, mirror) is { } owner ? new CatalogChange(ChangeKind.Altered, owner, before, row, preExisting, false) : null;
        if (row.Catalog == "attribute" && row.Dropped == true)
        {
            if (before is null || before.Dropped == true)
                return null;
            return ObjectKeys.Of(before, mirror) is { } column ? new CatalogChange(ChangeKind.Dropped, column, before, row, preExisting, false) : null;
        }
        if (ObjectKeys.Of(row, mirror) is not { } key)
            return null;
        if (before is null)
            return new CatalogChange(ChangeKind.Created, key, null, row, false, false);
        return Differs(before, row) ? new CatalogChange(ChangeKind.Altered, key, before, row, preExisting, false) : null;
    }

    // A relation's row also holds counters PostgreSQL updates as a side effect (relhasindex, relchecks, reltuples…),
    // which are no change of the object: its fields decide. Any other catalog's row is written only when its object
    // is (CREATE OR REPLACE FUNCTION, ALTER POLICY, ALTER EXTENSION UPDATE…), whether or not a field here shows it.
    private static bool Differs(CatalogRow before, CatalogRow after) =>
        before.Catalog != "class" || before with { CommandId = 0 } != after with { CommandId = 0 };

    private static IEnumerable<Rewrite> RewritesOf(CatalogRow before, CatalogRow after, CatalogMirror mirror)
    {
        // ALTER SEQUENCE … RESTART (and an identity's RESTART WITH) gives the sequence a new file holding its one row:
        // nothing is copied, so it is no rewrite (command mode's RewriteObserver reads tables and indexes only, too).
        if (after.Catalog == "class" && after.Kind == "S")
            yield break;
        var table = after.IsIndex && after.Relation is { } owner && mirror.Relation(owner) is { } t
            ? new RelationRef(t.Oid, t.QualifiedName)
            : new RelationRef(after.Oid, after.QualifiedName);
        if (before.FileNode is { } old && after.FileNode is { } now && old != now && now != 0)
            yield return new Rewrite(after.Oid, after.QualifiedName, after.IsIndex ? "index" : "table", table, old, now);
        else if (before.ToastFileNode is { } oldToast && after.ToastFileNode is { } newToast && oldToast != newToast)
            yield return new Rewrite(after.Oid, after.QualifiedName, "TOAST table", table, oldToast, newToast);
    }
}
