using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG202: a table without a primary key.</summary>
internal sealed class TableWithoutPrimaryKey() : SchemaRule("DBG202")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables.Where(t => schema.PrimaryKey(t.QualifiedName) is null))
        {
            // A unique constraint over NOT NULL columns is a key already: promote its index.
            var candidate = schema.ConstraintsOf(table.QualifiedName)
                .FirstOrDefault(c => c.Type == "UNIQUE" && c.Columns.All(col => schema.Column(table.QualifiedName, col)?.NotNull == true));
            var fix = candidate is null
                ? $"ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ADD PRIMARY KEY (...), or add an identity column as the key"
                : $"unique constraint {candidate.Name} ({Columns(candidate.Columns)}) is over NOT NULL columns already: make it the primary key";
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has no primary key: its rows cannot be told apart, logical replication cannot UPDATE or DELETE them, and tools that edit rows refuse it; {fix}");
        }
    }
}
