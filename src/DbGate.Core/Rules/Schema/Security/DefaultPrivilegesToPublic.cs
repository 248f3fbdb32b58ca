namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG305: ALTER DEFAULT PRIVILEGES that grants future tables, sequences or schemas to PUBLIC.</summary>
internal sealed class DefaultPrivilegesToPublic() : SchemaRule("DBG305")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        // Functions and types are PUBLIC's by PostgreSQL's own default, which an entry for them merely keeps.
        foreach (var entry in schema.Snapshot.DefaultPrivileges.Where(d => d.ObjectType is "TABLES" or "SEQUENCES" or "SCHEMAS"))
        {
            var granted = Acl.Public(entry.Acl);
            if (granted.Count == 0)
                continue;
            var scope = entry.Schema is null ? "" : $" IN SCHEMA {schema.Quote(entry.Schema)}";
            yield return new SchemaFinding(Id, new(Snapshots.SchemaObjectKind.DefaultPrivileges, entry.Key), entry.Schema ?? "", null,
                $"default privileges of {entry.Role}{scope} grant {string.Join(", ", granted)} on every future {entry.ObjectType.ToLowerInvariant()} to PUBLIC; "
                + $"ALTER DEFAULT PRIVILEGES FOR ROLE {schema.Quote(entry.Role)}{scope} REVOKE ALL ON {entry.ObjectType} FROM PUBLIC");
        }
    }
}
