using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG308: policies on a table whose row-level security is off, so none of them applies.</summary>
internal sealed class PolicyWithoutRowSecurity() : SchemaRule("DBG308")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var group in schema.Snapshot.Policies.GroupBy(p => p.QualifiedTable))
        {
            if (schema.Table(group.Key) is not { RowSecurity: false } table)
                continue;
            var names = group.Select(p => p.Name).ToList();
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has the polic{(names.Count == 1 ? "y" : "ies")} {string.Join(", ", names)} but row-level security is disabled, so none applies and "
                + $"every role with a grant sees every row; ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ENABLE ROW LEVEL SECURITY")
                with { Related = [.. group.Select(p => ObjectId.Policy(p))] };
        }
    }
}
