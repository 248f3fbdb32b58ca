using System.Globalization;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG229: ON DELETE CASCADE into a table configured as large.</summary>
internal sealed class CascadeIntoLargeTable() : SchemaRule("DBG229")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var fk in schema.ForeignKeys.Where(f => f.OnDelete == "CASCADE"))
        {
            if (schema.Sizes.Of(fk.QualifiedTable)?.Rows is not { } rows || rows < schema.Settings.LargeTableRows)
                continue;
            yield return Found(ObjectId.Constraint(fk), fk.QualifiedTable,
                $"foreign key {fk.Name} deletes rows of {fk.QualifiedTable} (about {rows.ToString("0", CultureInfo.InvariantCulture)} rows) ON DELETE CASCADE: one DELETE from {fk.References} can delete "
                + "any number of them in the same transaction, holding row locks and writing WAL the whole time; use ON DELETE RESTRICT (or NO ACTION) and delete "
                + "the children in batches first");
        }
    }
}
