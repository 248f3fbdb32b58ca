using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG303: privileges on a table, view or column granted to PUBLIC, that is to every role, present and future.</summary>
internal sealed class TableGrantedToPublic() : SchemaRule("DBG303")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Snapshot.Tables)
        {
            var granted = Acl.Public(table.Privileges?.Acl).Concat(table.Columns.SelectMany(c => Acl.Public(c.Acl).Select(p => $"{p} ({c.Name})"))).ToList();
            if (granted.Count > 0)
                yield return Finding(schema, ObjectId.Table(table.QualifiedName), "table", table.QualifiedName, granted, table.QualifiedName);
        }
        foreach (var view in schema.Snapshot.Views)
        {
            var granted = Acl.Public(view.Privileges?.Acl);
            var kind = view.Materialized ? "materialized view" : "view";
            if (granted.Count > 0)
                yield return Finding(schema, ObjectId.View(view), kind, view.QualifiedName, granted, null);
        }
    }

    private SchemaFinding Finding(SchemaModel schema, ObjectId id, string kind, string name, IReadOnlyList<string> granted, string? table) =>
        new(Id, id, SchemaModel.SchemaOf(name), table,
            $"{kind} {name} grants {string.Join(", ", granted)} to PUBLIC, that is to every role there is or will be, the application's and everyone else's; "
            + $"REVOKE ALL ON {schema.QuoteQualified(name)} FROM PUBLIC and grant to the roles that need it");
}
