using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>The shape of the column-type rules: every column of every table whose type (domains resolved) matches.</summary>
internal abstract class ColumnTypeRule(string id) : SchemaRule(id)
{
    protected abstract bool Matches(string type);

    /// <param name="column">schema.table.column.</param>
    protected abstract string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type);

    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Snapshot.Tables.Where(t => t.PartitionBound is null))
        {
            foreach (var column in table.Columns)
            {
                var type = schema.BaseType(column.Type);
                if (Matches(type))
                    yield return Found(ObjectId.Column(table.QualifiedName, column.Name), table.QualifiedName, Message(schema, table, column, type));
            }
        }
    }

    protected static string Alter(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ALTER COLUMN {schema.Quote(column.Name)} TYPE {type}";
}
