using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG309: a permissive policy whose USING or WITH CHECK is just true, which lets every row through.</summary>
internal sealed class PolicyAlwaysTrue() : SchemaRule("DBG309")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var policy in schema.Snapshot.Policies.Where(p => p.Permissive && (p.Using == "true" || p.WithCheck == "true")))
        {
            var clause = policy.Using == "true" ? "USING (true)" : "WITH CHECK (true)";
            yield return Found(ObjectId.Policy(policy), policy.QualifiedTable,
                $"policy {policy.Name} on {policy.QualifiedTable} is {clause} for {policy.Command} to {string.Join(", ", policy.Roles)}: as a permissive policy it lets "
                + $"every row through for them, which makes the table's row-level security moot; write the condition the rows must meet, or drop the policy");
        }
    }
}
