namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG204: a btree index whose key columns lead another index of the same table, which serves its queries too.</summary>
internal sealed class IndexPrefixOfAnother() : SchemaRule("DBG204")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Facts.Indexes.Where(Plain).GroupBy(i => i.QualifiedTable))
        {
            var indexes = table.ToList();
            // A unique or constraint index enforces something the longer one does not: it is never redundant.
            foreach (var shorter in indexes.Where(i => !i.Unique && i.Constraint is null && i.Included.Count == 0))
            {
                var longer = indexes
                    .Where(o => o != shorter && o.Keys.Count > shorter.Keys.Count && o.Predicate == shorter.Predicate && o.Keys.Take(shorter.Keys.Count).SequenceEqual(shorter.Keys))
                    .OrderBy(o => o.Keys.Count).ThenBy(o => o.Name, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (longer is null)
                    continue;
                yield return Found(IndexId(shorter), shorter.QualifiedTable,
                    $"index {shorter.QualifiedName} ({Columns(shorter.Columns.OfType<string>())}) is a prefix of {IndexLabel(longer)} ({Columns(longer.Columns.OfType<string>())}), "
                    + $"which serves every query it does: DROP INDEX CONCURRENTLY {schema.QuoteQualified(shorter.QualifiedName)}")
                    with { Related = [IndexId(longer)] };
            }
        }
    }

    // Valid btree indexes over plain columns: expressions would need their own comparison.
    private static bool Plain(Snapshots.IndexFacts i) => i.Valid && i.Method == "btree" && i.Expressions is null;
}
