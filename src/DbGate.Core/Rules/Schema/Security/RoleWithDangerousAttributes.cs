namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG314: a role a migration created with SUPERUSER, BYPASSRLS or CREATEROLE.</summary>
internal sealed class RoleWithDangerousAttributes() : SchemaRule("DBG314")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var role in schema.CreatedRoles)
        {
            var attributes = new[] { (role.Superuser, "SUPERUSER"), (role.BypassRls, "BYPASSRLS"), (role.CreateRole, "CREATEROLE") }
                .Where(a => a.Item1).Select(a => a.Item2).ToList();
            if (attributes.Count == 0)
                continue;
            yield return new SchemaFinding(Id, new(Snapshots.SchemaObjectKind.Role, role.Name), "", null,
                $"role {role.Name}, created by a migration, has {string.Join(", ", attributes)}{(role.Login ? " and can log in" : "")}: whoever holds it (or its password) "
                + $"can {(role.Superuser ? "do anything on the server, including running programs on its host" : role.BypassRls ? "read every row past row-level security" : "create roles and grant itself their rights")}; "
                + $"ALTER ROLE {role.Name} NO{string.Join(" NO", attributes)}, and grant the specific privileges it needs instead");
        }
    }
}
