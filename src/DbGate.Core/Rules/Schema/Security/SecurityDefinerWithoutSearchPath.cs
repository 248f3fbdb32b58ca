using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG301: a SECURITY DEFINER function without a fixed search_path ending in pg_temp.</summary>
internal sealed class SecurityDefinerWithoutSearchPath() : SchemaRule("DBG301")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var routine in schema.Snapshot.Routines.Where(r => r.SecurityDefiner))
        {
            var setting = routine.Settings.FirstOrDefault(s => s.StartsWith("search_path=", StringComparison.Ordinal));
            var path = setting?["search_path=".Length..];
            // pg_temp not named is searched first for tables and views: a caller's temporary table shadows the real one.
            if (path is not null && path.Replace("\"", "", StringComparison.Ordinal).Split(',').Select(p => p.Trim()).LastOrDefault() == "pg_temp")
                continue;
            var why = path is null
                ? "it has no SET search_path, so it resolves names under the caller's search_path and any caller who can create an object in a schema on it can run code with the owner's rights"
                : $"its search_path ({path}) does not end with pg_temp, so PostgreSQL searches the caller's temporary schema first and a temporary table can stand in for a real one";
            yield return FoundInSchema(new ObjectId(Snapshots.SchemaObjectKind.Routine, routine.Signature), routine.Schema,
                $"SECURITY DEFINER {routine.Kind} {routine.Signature} runs with its owner's rights, but {why}; "
                + $"ALTER {(routine.Kind == "procedure" ? "PROCEDURE" : "FUNCTION")} {schema.QuoteQualified(routine.Schema + "." + routine.Name)}({routine.IdentityArguments}) SET search_path = {schema.Quote(routine.Schema)}, pg_temp");
        }
    }
}
