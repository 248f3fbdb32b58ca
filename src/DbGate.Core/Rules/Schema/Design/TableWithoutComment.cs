using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG226 (opt-in): a table or view without a comment.</summary>
internal sealed class TableWithoutComment() : SchemaRule("DBG226")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables.Where(t => string.IsNullOrWhiteSpace(t.Comment)))
        {
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has no comment; COMMENT ON TABLE {schema.QuoteQualified(table.QualifiedName)} IS '...' (DbGate's docs show it)");
        }
        foreach (var view in schema.Snapshot.Views.Where(v => string.IsNullOrWhiteSpace(v.Comment)))
        {
            var kind = view.Materialized ? "materialized view" : "view";
            yield return FoundInSchema(ObjectId.View(view), view.Schema,
                $"{kind} {view.QualifiedName} has no comment; COMMENT ON {kind.ToUpperInvariant()} {schema.QuoteQualified(view.QualifiedName)} IS '...'");
        }
    }
}
