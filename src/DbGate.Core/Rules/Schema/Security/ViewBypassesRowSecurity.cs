using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>
/// DBG312: a view that reads a table with row-level security with its owner's rights (no security_invoker), or a
/// materialized view of one: its readers see the rows the owner sees.
/// </summary>
internal sealed class ViewBypassesRowSecurity() : SchemaRule("DBG312")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var reads = schema.Facts.ViewRelations.ToDictionary(v => v.View, v => v.Relations, StringComparer.Ordinal);
        foreach (var view in schema.Snapshot.Views.Where(v => v.Materialized || !Invoker(v.Options)))
        {
            if (ProtectedTables(schema, reads, view.QualifiedName).FirstOrDefault() is not { } table)
                continue;
            var fix = view.Materialized
                ? "a materialized view stores what its owner could read at the last REFRESH: use a view WITH (security_invoker = true) instead, or restrict who may SELECT from it"
                : schema.Facts.ServerVersion >= 150000
                    ? $"ALTER VIEW {schema.QuoteQualified(view.QualifiedName)} SET (security_invoker = true)"
                    : "PostgreSQL before 15 has no security_invoker: restrict who may SELECT from it, or put the row condition into the view";
            yield return FoundInSchema(ObjectId.View(view), view.Schema,
                $"{(view.Materialized ? "materialized view" : "view")} {view.QualifiedName} reads {table}, which has row-level security, with its owner's rights: whoever may "
                + $"select from it sees the rows the owner sees, not their own; {fix}")
                with { Related = [ObjectId.Table(table)] };
        }
    }

    private static bool Invoker(IEnumerable<string> options) =>
        options.Any(o => o.StartsWith("security_invoker=", StringComparison.Ordinal) && o["security_invoker=".Length..].ToLowerInvariant() is "true" or "on" or "1" or "yes");

    /// <summary>Tables with row-level security the view reads, through plain views without security_invoker too.</summary>
    private static IEnumerable<string> ProtectedTables(SchemaModel schema, Dictionary<string, IReadOnlyList<string>> reads, string view)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { view };
        var queue = new Queue<string>([view]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var relation in reads.GetValueOrDefault(current) ?? [])
            {
                if (!seen.Add(relation))
                    continue;
                if (schema.Table(relation) is { RowSecurity: true })
                    yield return relation;
                else if (reads.ContainsKey(relation) && schema.Snapshot.Views.FirstOrDefault(v => v.QualifiedName == relation) is { } inner && !Invoker(inner.Options))
                    queue.Enqueue(relation);
            }
        }
    }
}
