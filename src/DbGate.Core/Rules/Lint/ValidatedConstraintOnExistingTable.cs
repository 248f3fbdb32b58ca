using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A CHECK or FOREIGN KEY added valid to an existing table is validated by a full scan under the lock.</summary>
public sealed class ValidatedConstraintOnExistingTable : StatementRule
{
    public override string Id => "DBG103";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        // A statement that refuses a transaction block adds no constraint of the user's: one it adds is PostgreSQL's
        // own, proven without a scan (DETACH PARTITION CONCURRENTLY copies the partition bound into a CHECK).
        if (statement.LocksPolled)
            yield break;
        foreach (var constraint in statement.Of(SchemaObjectKind.Constraint, ChangeKind.Created).Select(c => c.Row))
        {
            if (constraint is not { Kind: "c" or "f", Valid: true, Relation: { } tableOid } || !context.PreExistingTable(tableOid))
                continue;
            var table = context.TableOf(tableOid);
            var onTable = statement.StrongestTaken(tableOid) ?? statement.HeldBefore.Where(h => h.Oid == tableOid).MaxBy(h => h.Mode);
            var referenced = constraint.Kind == "f" && constraint.References is { } r
                ? statement.Taken.Concat(statement.HeldBefore).FirstOrDefault(l => l.Oid == r && l.PreExisting)
                : null;
            var locks = referenced is null
                ? $"{onTable?.Mode.SqlName() ?? "a lock"} on {context.Table(table)}, blocking {onTable?.Mode.Blocks() ?? "it"}"
                : $"{onTable?.Mode.SqlName()} on {context.Table(table)} and {statement.StrongestTaken(referenced.Oid)?.Mode.SqlName() ?? referenced.Mode.SqlName()} on {context.Table(referenced.Name)}, blocking writes to both";
            yield return new LintIssue(
                $"ADD CONSTRAINT {constraint.Name} scans {context.Table(table)} to validate {constraint.Type} while holding {locks}; " +
                $"add it with NOT VALID, then run ALTER TABLE {table} VALIDATE CONSTRAINT {constraint.Name} in a separate transaction (it takes only SHARE UPDATE EXCLUSIVE)",
                referenced is null ? [table] : [table, referenced.Name],
                statement.Scanned.Any(s => s.Oid == tableOid) ? [$"observed: a sequential scan of {table}"] : []);
        }
    }
}
