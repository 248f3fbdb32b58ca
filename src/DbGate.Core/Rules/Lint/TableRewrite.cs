using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A pre-existing table or index got a new relfilenode: every row was copied while the lock was held.</summary>
public sealed class TableRewrite : StatementRule
{
    public override string Id => "DBG102";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        // TRUNCATE also gives a new relfilenode, but empties the table rather than copying it: DBG114. REINDEX
        // rebuilds only indexes, and has a concurrent form: DBG119.
        if (statement.Command is "TRUNCATE" or "REINDEX")
            yield break;
        foreach (var table in statement.Rewrites.GroupBy(r => r.Table))
        {
            if (RefreshWithoutConcurrently.Applies(statement, table.Key.Oid))
                continue;
            // The lock the copy ran under: the strongest held on the table, whether this statement or an earlier one took it.
            var lockHeld = statement.TakenOnExisting.Concat(statement.HeldBefore).Where(h => h.Oid == table.Key.Oid).MaxBy(h => h.Mode);
            var what = table.Any(r => r.What == "table") ? "rewrites" : "rebuilds " + string.Join(", ", table.Select(r => $"{r.What} {r.Name}")) + " of";
            var blocks = lockHeld is null ? "" : $" under {lockHeld.Mode.SqlName()}, blocking {lockHeld.Mode.Blocks()} until every row is copied";
            var (cause, fix) = Cause(statement, table.Key);
            yield return new LintIssue(
                $"{statement.Command} {what} {context.Table(table.Key.Name)}{blocks}: {cause}; {fix}",
                [table.Key.Name],
                [.. table.Select(r => $"{r.What} {r.Name}: relfilenode {r.FileNodeBefore} → {r.FileNodeAfter}"), $"TimeZone during the run: {statement.Before.TimeZone}"]);
        }
    }

    private static (string Cause, string Fix) Cause(StatementObservation statement, RelationRef table)
    {
        var prefix = table.Name + ".";
        var columns = statement.Changes.Where(c => c.Target.Kind == SchemaObjectKind.Column && c.Target.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var column = (CatalogChange c) => c.Target.Name[prefix.Length..];
        if (columns.FirstOrDefault(c => c.Kind == ChangeKind.Altered && c.Before?.Type != c.After?.Type) is { } retyped)
        {
            var zone = retyped.Before?.Type?.StartsWith("timestamp", StringComparison.Ordinal) == true ? $" (under TimeZone {statement.Before.TimeZone})" : "";
            return ($"column {column(retyped)} changes type from {retyped.Before?.Type} to {retyped.After?.Type}{zone}",
                $"add a new column of the new type, backfill it in batches, switch the application over, then drop the old one");
        }
        if (columns.FirstOrDefault(c => c.Kind == ChangeKind.Created) is { } added)
        {
            var kind = added.After?.Generated switch
            {
                "s" => "as a stored generated column",
                "a" or "d" => "as an identity column",
                _ => added.After?.HasDefault == true ? "with a default that must be computed for every row (volatile, or a serial's nextval)" : "with a value for every row",
            };
            return ($"column {column(added)} is added {kind}",
                $"add {column(added)} nullable without a default, set the default for new rows, backfill existing rows in batches, then add NOT NULL through a NOT VALID check");
        }
        var after = statement.Changes.FirstOrDefault(c => c.Target.Kind == SchemaObjectKind.Table && c.Target.Name == table.Name && c.Kind == ChangeKind.Altered);
        if (after?.Before?.Persistence != after?.After?.Persistence)
            return (after?.After?.Persistence == "u" ? "SET UNLOGGED copies the table" : "SET LOGGED copies the table into the WAL", "do it in a maintenance window, or create the new table, copy in batches and swap");
        if (after?.Before?.AccessMethod != after?.After?.AccessMethod)
            return ("SET ACCESS METHOD copies the table", "do it in a maintenance window, or copy into a new table in batches and swap");
        if (after?.Before?.Tablespace != after?.After?.Tablespace)
            return ("SET TABLESPACE copies the table", "move it with pg_repack --tablespace, or in a maintenance window");
        return statement.Command is "VACUUM" or "CLUSTER"
            ? ($"{statement.Command} copies it", "use pg_repack (or REPACK CONCURRENTLY from PostgreSQL 19) instead")
            : ("the statement copies it", "split the change so that it is made without a rewrite, or run it in a maintenance window");
    }
}
