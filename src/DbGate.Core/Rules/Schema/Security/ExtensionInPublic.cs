namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG313: an extension installed in public, where its objects mix with the application's.</summary>
internal sealed class ExtensionInPublic() : SchemaRule("DBG313")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var extension in schema.Snapshot.Extensions.Where(e => e.Schema == "public" && e.Name != "plpgsql"))
        {
            yield return new SchemaFinding(Id, new(Snapshots.SchemaObjectKind.Extension, extension.Name), "public", null,
                $"extension {extension.Name} is installed in public: its functions and operators sit on every role's search_path beside the application's, can be "
                + $"shadowed by anyone who may create there, and clash with names the application picks; CREATE SCHEMA extensions; ALTER EXTENSION {schema.Quote(extension.Name)} "
                + "SET SCHEMA extensions (if it is relocatable), or create it WITH SCHEMA extensions");
        }
    }
}
