using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG311: a table with a tenant column (health.tenant_columns) and row-level security off.</summary>
internal sealed class TenantTableWithoutRowSecurity() : SchemaRule("DBG311")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var tenants = schema.Settings.TenantColumns.ToHashSet(StringComparer.Ordinal);
        foreach (var table in schema.Tables.Where(t => !t.RowSecurity))
        {
            if (table.Columns.FirstOrDefault(c => tenants.Contains(c.Name)) is not { } column)
                continue;
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} holds rows of many tenants ({column.Name}) without row-level security: one query that forgets its WHERE {column.Name} = ... "
                + $"shows every tenant's rows; ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ENABLE ROW LEVEL SECURITY and CREATE POLICY tenant_isolation ON "
                + $"{schema.QuoteQualified(table.QualifiedName)} USING ({schema.Quote(column.Name)} = current_setting('app.tenant_id')::...)")
                with { Related = [ObjectId.Column(table.QualifiedName, column.Name)] };
        }
    }
}
