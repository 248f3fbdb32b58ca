using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG208: a multi-column foreign key with a nullable column and MATCH SIMPLE, which checks nothing once one is NULL.</summary>
internal sealed class NullableForeignKeyWithoutMatchFull() : SchemaRule("DBG208")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var fk in schema.ForeignKeys.Where(f => f.Columns.Count > 1 && f.Match != "MATCH FULL"))
        {
            var nullable = fk.Columns.Where(c => schema.Column(fk.QualifiedTable, c) is { NotNull: false }).ToList();
            if (nullable.Count == 0)
                continue;
            yield return Found(ObjectId.Constraint(fk), fk.QualifiedTable,
                $"foreign key {fk.Name} on {fk.QualifiedTable} ({Columns(fk.Columns)}) is {fk.Match} and {Columns(nullable)} may be NULL: a row with a NULL in any key column "
                + $"is not checked at all, so the others can name a parent that does not exist; make {Columns(nullable)} NOT NULL, or declare the key MATCH FULL");
        }
    }
}
