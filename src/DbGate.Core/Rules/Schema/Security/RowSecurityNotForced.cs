using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG310: row-level security not forced on a table the application role owns, so it bypasses its own policies.</summary>
internal sealed class RowSecurityNotForced() : SchemaRule("DBG310")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        // Unset, the application is taken to connect as the role that runs the migrations, which owns what they create.
        var application = schema.Settings.ApplicationRole ?? schema.Facts.CurrentUser;
        foreach (var table in schema.Snapshot.Tables.Where(t => t.RowSecurity && !t.ForceRowSecurity && t.Privileges?.Owner == application))
        {
            var who = schema.Settings.ApplicationRole is null ? "the role that runs the migrations (and, unless health.application_role says otherwise, the application)" : $"the application role {application}";
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has row-level security enabled but not forced, and its owner is {who}: a table's owner bypasses its policies, so the "
                + $"application sees every row; ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} FORCE ROW LEVEL SECURITY, or let another role own it");
        }
    }
}
