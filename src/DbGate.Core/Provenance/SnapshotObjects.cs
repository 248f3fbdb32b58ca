using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>One object of a snapshot: its identity, its definition (compared by value) and the table it belongs to.</summary>
/// <param name="Names">For a constraint or an index: the columns and tables its definition names, so that renaming one
/// of them (which changes the definition's text but not the object's catalog row) counts as its change.</param>
internal readonly record struct SnapshotObject(ObjectId Id, object Definition, ObjectId? Parent, IReadOnlyList<ObjectId>? Names = null);

/// <summary>Lists a snapshot's objects the way the diff names them, a table apart from its columns.</summary>
internal static class SnapshotObjects
{
    public static IEnumerable<SnapshotObject> Of(SchemaSnapshot s)
    {
        foreach (var x in s.Schemas)
            yield return new(new(SchemaObjectKind.Schema, x.Name), x, null);
        foreach (var x in s.Extensions)
            yield return new(new(SchemaObjectKind.Extension, x.Name), x, null);
        foreach (var t in s.Tables)
        {
            var table = ObjectId.Table(t.QualifiedName);
            // The table's own record without its columns, so that a column change is the column's.
            yield return new(table, t with { Columns = [] }, null);
            foreach (var c in t.Columns)
                yield return new(ObjectId.Column(t.QualifiedName, c.Name), c, table);
        }
        foreach (var x in s.Constraints)
            yield return new(ObjectId.Constraint(x), x, ObjectId.Table(x.QualifiedTable),
                [.. x.Columns.Select(c => ObjectId.Column(x.QualifiedTable, c)), .. x.References is { } r ? [ObjectId.Table(r)] : Array.Empty<ObjectId>()]);
        foreach (var x in s.Indexes)
            yield return new(new(SchemaObjectKind.Index, x.QualifiedName), x, ObjectId.Table(x.QualifiedTable),
                [.. x.KeyColumns.Concat(x.IncludedColumns).Select(c => ObjectId.Column(x.QualifiedTable, c))]);
        foreach (var x in s.Views)
            yield return new(ObjectId.View(x), x, null);
        foreach (var x in s.Sequences)
            yield return new(new(SchemaObjectKind.Sequence, x.QualifiedName), x, x.OwnedByTable is { } owner ? ObjectId.Table(owner) : null);
        foreach (var x in s.Routines)
            yield return new(new(SchemaObjectKind.Routine, x.Signature), x, null);
        foreach (var x in s.Triggers)
            yield return new(ObjectId.Trigger(x), x, ObjectId.Table(x.QualifiedTable));
        foreach (var x in s.Policies)
            yield return new(ObjectId.Policy(x), x, ObjectId.Table(x.QualifiedTable));
        foreach (var x in s.Enums)
            yield return new(new(SchemaObjectKind.EnumType, x.QualifiedName), x, null);
        foreach (var x in s.Domains)
            yield return new(new(SchemaObjectKind.Domain, x.QualifiedName), x, null);
        foreach (var x in s.CompositeTypes)
            yield return new(new(SchemaObjectKind.CompositeType, x.QualifiedName), x, null);
        foreach (var x in s.DefaultPrivileges)
            yield return new(new(SchemaObjectKind.DefaultPrivileges, x.Key), x, null);
    }
}
