using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG201: a foreign key no index starts with, so every delete of a parent row scans the child table.</summary>
internal sealed class ForeignKeyWithoutIndex() : SchemaRule("DBG201")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var fk in schema.ForeignKeys)
        {
            var columns = fk.Columns.ToHashSet(StringComparer.Ordinal);
            // The key's columns, in any order, leading a usable index: a btree serves the lookup, a hash only one column.
            var covered = schema.IndexesOf(fk.QualifiedTable).Any(i =>
                i.Valid && !i.Partial && (i.Method == "btree" || (i.Method == "hash" && columns.Count == 1))
                && i.Columns.Count >= columns.Count && i.Columns.Take(columns.Count).All(c => c is not null && columns.Contains(c)));
            if (covered)
                continue;
            yield return Found(ObjectId.Constraint(fk), fk.QualifiedTable,
                $"foreign key {fk.Name} on {fk.QualifiedTable} ({Columns(fk.Columns)}) has no index that starts with its columns, so every DELETE from "
                + $"{fk.References} (and every change of its key) scans {fk.QualifiedTable}: CREATE INDEX ON {schema.QuoteQualified(fk.QualifiedTable)} ({Columns(schema, fk.Columns)})")
                with { Related = [ObjectId.Table(fk.QualifiedTable)] };
        }
    }
}
