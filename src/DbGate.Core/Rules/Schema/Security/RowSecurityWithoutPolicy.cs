using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG307: row-level security enabled on a table with no policy, which denies every row to everyone but the owner.</summary>
internal sealed class RowSecurityWithoutPolicy() : SchemaRule("DBG307")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var withPolicies = schema.Snapshot.Policies.Select(p => p.QualifiedTable).ToHashSet(StringComparer.Ordinal);
        foreach (var table in schema.Snapshot.Tables.Where(t => t.RowSecurity && !withPolicies.Contains(t.QualifiedName)))
        {
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has row-level security enabled and no policy: every role but its owner (and superusers) sees and changes no row at all; "
                + $"CREATE POLICY ... ON {schema.QuoteQualified(table.QualifiedName)} USING (...), or DISABLE ROW LEVEL SECURITY if that was not meant");
        }
    }
}
