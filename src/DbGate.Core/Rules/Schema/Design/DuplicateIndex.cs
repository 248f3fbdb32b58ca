namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG203: two indexes that index the same columns the same way.</summary>
internal sealed class DuplicateIndex() : SchemaRule("DBG203")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var groups = schema.Facts.Indexes
            .Where(i => i.Valid)
            .GroupBy(i => (i.QualifiedTable, i.Method, Keys: string.Join(" ", i.Keys), Included: string.Join(" ", i.Included), i.Expressions, i.Predicate, i.NullsNotDistinct))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            // Keep what enforces most: a primary key, then a unique constraint, then a unique index, then the first by name.
            var ordered = group.OrderByDescending(Strength).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
            var kept = ordered[0];
            foreach (var extra in ordered.Skip(1))
            {
                var fix = extra.Constraint is { } c
                    ? $"ALTER TABLE {schema.QuoteQualified(extra.QualifiedTable)} DROP CONSTRAINT {schema.Quote(c)}"
                    : $"DROP INDEX CONCURRENTLY {schema.QuoteQualified(extra.QualifiedName)}";
                yield return Found(IndexId(extra), extra.QualifiedTable,
                    $"{IndexLabel(extra)} on {extra.QualifiedTable} duplicates {IndexLabel(kept)}: same columns, method and predicate, so it only slows every write and takes space; {fix}")
                    with { Related = [IndexId(kept)] };
            }
        }
    }

    private static int Strength(Snapshots.IndexFacts i) => i.Primary ? 4 : i.Constraint is not null && i.Unique ? 3 : i.Unique ? 2 : i.Constraint is not null ? 1 : 0;
}
