namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG231: a btree index over an array column, which serves only whole-array comparisons.</summary>
internal sealed class BtreeIndexOnArray() : SchemaRule("DBG231")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var index in schema.Facts.Indexes.Where(i => i.Method == "btree" && i.Constraint is null))
        {
            var arrays = index.Columns.OfType<string>()
                .Where(c => schema.Column(index.QualifiedTable, c) is { } col && ColumnTypes.IsArray(schema.BaseType(col.Type))).ToList();
            if (arrays.Count == 0)
                continue;
            yield return Found(IndexId(index), index.QualifiedTable,
                $"btree index {index.QualifiedName} covers the array column {Columns(arrays)} of {index.QualifiedTable}: a btree serves only whole-array equality and "
                + $"ordering, not @>, <@ or &&; CREATE INDEX ON {schema.QuoteQualified(index.QualifiedTable)} USING gin ({Columns(schema, arrays)}) instead");
        }
    }
}
