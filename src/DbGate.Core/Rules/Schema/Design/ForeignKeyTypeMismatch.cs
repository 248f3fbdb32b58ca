using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG207: a foreign key column whose type (or modifier) differs from the column it references.</summary>
internal sealed class ForeignKeyTypeMismatch() : SchemaRule("DBG207")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var fk in schema.ForeignKeys.Where(f => f.References is not null))
        {
            for (var i = 0; i < fk.Columns.Count && i < fk.ReferencedColumns.Count; i++)
            {
                var column = schema.Column(fk.QualifiedTable, fk.Columns[i]);
                var referenced = schema.Column(fk.References!, fk.ReferencedColumns[i]);
                if (column is null || referenced is null || column.Type == referenced.Type)
                    continue;
                yield return Found(ObjectId.Constraint(fk), fk.QualifiedTable,
                    $"foreign key {fk.Name}: {fk.QualifiedTable}.{column.Name} is {column.Type} but references {fk.References}.{referenced.Name}, which is {referenced.Type}: "
                    + $"every check and join casts, and values one type holds the other may not; "
                    + $"ALTER TABLE {schema.QuoteQualified(fk.QualifiedTable)} ALTER COLUMN {schema.Quote(column.Name)} TYPE {referenced.Type}")
                    with { Related = [ObjectId.Column(fk.QualifiedTable, column.Name), ObjectId.Column(fk.References!, referenced.Name)] };
            }
        }
    }
}
