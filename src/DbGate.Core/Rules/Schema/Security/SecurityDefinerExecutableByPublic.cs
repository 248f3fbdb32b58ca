using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG302: a SECURITY DEFINER function anyone may call, PostgreSQL's default unless revoked.</summary>
internal sealed class SecurityDefinerExecutableByPublic() : SchemaRule("DBG302")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var routine in schema.Snapshot.Routines.Where(r => r.SecurityDefiner && Acl.Public(r.Privileges?.Acl).Contains("EXECUTE")))
        {
            var what = $"{(routine.Kind == "procedure" ? "PROCEDURE" : "FUNCTION")} {schema.QuoteQualified(routine.Schema + "." + routine.Name)}({routine.IdentityArguments})";
            yield return FoundInSchema(new ObjectId(Snapshots.SchemaObjectKind.Routine, routine.Signature), routine.Schema,
                $"SECURITY DEFINER {routine.Kind} {routine.Signature} runs with its owner's rights and every role may EXECUTE it (PostgreSQL grants that to PUBLIC "
                + $"by default); REVOKE EXECUTE ON {what} FROM PUBLIC, then GRANT EXECUTE to the roles that need it");
        }
    }
}
