namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG306: CREATE on a schema for PUBLIC, so any role can plant objects that shadow others on the search_path.</summary>
internal sealed class SchemaCreateForPublic() : SchemaRule("DBG306")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var s in schema.Snapshot.Schemas.Where(s => Acl.Public(s.Privileges?.Acl).Contains("CREATE")))
        {
            yield return new SchemaFinding(Id, new(Snapshots.SchemaObjectKind.Schema, s.Name), s.Name, null,
                $"schema {s.Name} lets PUBLIC CREATE in it: any role can create a function or table there that shadows one another role's queries resolve by search_path "
                + $"(CVE-2018-1058); REVOKE CREATE ON SCHEMA {schema.Quote(s.Name)} FROM PUBLIC (PostgreSQL 15 and later do this for public by default)");
        }
    }
}
