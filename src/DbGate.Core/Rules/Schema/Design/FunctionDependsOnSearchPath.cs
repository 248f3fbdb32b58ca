using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>
/// DBG230: a function whose body is resolved under search_path when it runs, called by something a restore evaluates
/// (an index, a CHECK, a domain, a generated column, a materialized view), so pg_restore's empty search_path breaks it.
/// </summary>
internal sealed class FunctionDependsOnSearchPath() : SchemaRule("DBG230")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var routine in schema.Facts.RestoreFunctions.Where(f => f.BreaksWithEmptySearchPath != false).GroupBy(f => f.Routine))
        {
            var first = routine.First();
            var uses = string.Join(", ", routine.Select(u => $"{u.UsedByKind} {u.UsedBy}"));
            var (name, _) = SchemaModel.Split(first.Routine);
            var why = first.BreaksWithEmptySearchPath == true
                ? $"its SQL body does not resolve with an empty search_path (observed: recreating it under search_path = '' fails: {first.Failure})"
                : $"its {first.Language} body resolves names when it runs, under the caller's search_path, so a name outside pg_catalog it leaves unqualified fails";
            yield return FoundInSchema(new ObjectId(Snapshots.SchemaObjectKind.Routine, first.Routine), name,
                $"function {first.Routine} is called by {uses}, which pg_restore evaluates with search_path set to '': {why}, and the restore stops there; "
                + $"ALTER FUNCTION {first.Routine} SET search_path = {name}, pg_temp (or qualify every name, or write the body as BEGIN ATOMIC)")
                with { Related = [.. routine.Select(UsedBy)] };
        }
    }

    private static ObjectId UsedBy(Snapshots.RestoreFunctionUse use) => use.UsedByKind switch
    {
        "index" => new(Snapshots.SchemaObjectKind.Index, use.UsedBy),
        "constraint" => new(Snapshots.SchemaObjectKind.Constraint, use.UsedBy),
        "domain" => new(Snapshots.SchemaObjectKind.Domain, use.UsedBy),
        "generated column" => new(Snapshots.SchemaObjectKind.Column, use.UsedBy),
        _ => new(Snapshots.SchemaObjectKind.MaterializedView, use.UsedBy),
    };
}
