namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG210: an index whose only keys are boolean columns.</summary>
internal sealed class BooleanIndex() : SchemaRule("DBG210")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var index in schema.Facts.Indexes.Where(i => !i.Unique && !i.Partial && i.Columns.Count > 0 && i.Columns.All(c => c is not null)))
        {
            var columns = index.Columns.OfType<string>().ToList();
            if (!columns.All(c => schema.Column(index.QualifiedTable, c) is { } col && ColumnTypes.IsBoolean(schema.BaseType(col.Type))))
                continue;
            yield return Found(IndexId(index), index.QualifiedTable,
                $"index {index.QualifiedName} covers only the boolean {Columns(columns)} of {index.QualifiedTable}: with two values it rarely beats a sequential scan "
                + $"and costs every write; index the rows you look for instead, such as CREATE INDEX ON {schema.QuoteQualified(index.QualifiedTable)} (...) WHERE {schema.Quote(columns[0])}");
        }
    }
}
