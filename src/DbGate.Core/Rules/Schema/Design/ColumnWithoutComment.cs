using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG227 (opt-in): a table column without a comment.</summary>
internal sealed class ColumnWithoutComment() : SchemaRule("DBG227")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables)
        {
            foreach (var column in table.Columns.Where(c => string.IsNullOrWhiteSpace(c.Comment)))
            {
                yield return Found(ObjectId.Column(table.QualifiedName, column.Name), table.QualifiedName,
                    $"column {table.QualifiedName}.{column.Name} has no comment; COMMENT ON COLUMN {schema.QuoteQualified(table.QualifiedName)}.{schema.Quote(column.Name)} IS '...'");
            }
        }
    }
}
