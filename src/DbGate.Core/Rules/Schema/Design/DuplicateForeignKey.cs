using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG232: two foreign keys of a table over the same columns to the same referenced columns.</summary>
internal sealed class DuplicateForeignKey() : SchemaRule("DBG232")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var groups = schema.ForeignKeys
            .GroupBy(f => (f.QualifiedTable, Columns: string.Join(",", f.Columns), f.References, Referenced: string.Join(",", f.ReferencedColumns)))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            foreach (var extra in ordered.Skip(1))
            {
                yield return Found(ObjectId.Constraint(extra), extra.QualifiedTable,
                    $"foreign key {extra.Name} on {extra.QualifiedTable} ({Columns(extra.Columns)}) repeats {ordered[0].Name}: every write checks both; "
                    + $"ALTER TABLE {schema.QuoteQualified(extra.QualifiedTable)} DROP CONSTRAINT {schema.Quote(extra.Name)}")
                    with { Related = [ObjectId.Constraint(ordered[0])] };
            }
        }
    }
}
