namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG209: a multi-column unique constraint or index over a nullable column, which lets duplicates in.</summary>
internal sealed class UniqueOverNullableColumns() : SchemaRule("DBG209")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var index in schema.Facts.Indexes.Where(i => i.Unique && !i.Primary && !i.NullsNotDistinct && !i.Partial && i.Columns.Count > 1 && i.Columns.All(c => c is not null)))
        {
            var columns = index.Columns.OfType<string>().ToList();
            var nullable = columns.Where(c => schema.Column(index.QualifiedTable, c) is { NotNull: false }).ToList();
            if (nullable.Count == 0)
                continue;
            yield return Found(IndexId(index), index.QualifiedTable,
                $"{IndexLabel(index)} on {index.QualifiedTable} ({Columns(columns)}) lets duplicates in: {Columns(nullable)} may be NULL and NULLs are distinct, "
                + $"so the same values with a NULL can be inserted any number of times; make {Columns(nullable)} NOT NULL, or declare it UNIQUE NULLS NOT DISTINCT (PostgreSQL 15 and later)");
        }
    }
}
