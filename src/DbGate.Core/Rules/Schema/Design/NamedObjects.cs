using DbGate.Core.Provenance;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>An object and the one name a user chose for it.</summary>
/// <param name="Convention">Named by the general naming convention (DBG223): not an index, constraint, trigger or policy.</param>
internal readonly record struct NamedObject(ObjectId Id, string Name, string Schema, string? Table, bool Convention)
{
    public override string ToString() => Id.ToString();
}

internal static class NamedObjects
{
    public static IEnumerable<NamedObject> Of(SchemaSnapshot s)
    {
        foreach (var x in s.Schemas.Where(x => x.Name != "public"))
            yield return new(new(SchemaObjectKind.Schema, x.Name), x.Name, x.Name, null, true);
        foreach (var t in s.Tables.Where(t => t.PartitionBound is null))
        {
            yield return new(ObjectId.Table(t.QualifiedName), t.Name, t.Schema, t.QualifiedName, true);
            foreach (var c in t.Columns)
                yield return new(ObjectId.Column(t.QualifiedName, c.Name), c.Name, t.Schema, t.QualifiedName, true);
        }
        foreach (var v in s.Views)
        {
            yield return new(ObjectId.View(v), v.Name, v.Schema, null, true);
        }
        foreach (var x in s.Sequences)
            yield return new(new(SchemaObjectKind.Sequence, x.QualifiedName), x.Name, x.Schema, x.OwnedByTable, true);
        foreach (var x in s.Routines)
            yield return new(new(SchemaObjectKind.Routine, x.Signature), x.Name, x.Schema, null, true);
        foreach (var x in s.Enums)
            yield return new(new(SchemaObjectKind.EnumType, x.QualifiedName), x.Name, x.Schema, null, true);
        foreach (var x in s.Domains)
            yield return new(new(SchemaObjectKind.Domain, x.QualifiedName), x.Name, x.Schema, null, true);
        foreach (var x in s.CompositeTypes)
            yield return new(new(SchemaObjectKind.CompositeType, x.QualifiedName), x.Name, x.Schema, null, true);
        foreach (var x in s.Constraints)
            yield return new(ObjectId.Constraint(x), x.Name, x.Schema, x.QualifiedTable, false);
        foreach (var x in s.Indexes)
            yield return new(new(SchemaObjectKind.Index, x.QualifiedName), x.Name, x.Schema, x.QualifiedTable, false);
        foreach (var x in s.Triggers)
            yield return new(ObjectId.Trigger(x), x.Name, x.Schema, x.QualifiedTable, false);
        foreach (var x in s.Policies)
            yield return new(ObjectId.Policy(x), x.Name, x.Schema, x.QualifiedTable, false);
    }
}
