using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>DROP INDEX takes ACCESS EXCLUSIVE on the index's table: while it waits, every query on the table queues.</summary>
public sealed class DropIndexWithoutConcurrently : StatementRule
{
    public override string Id => "DBG118";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        // An index that goes with its table, materialized view, column or constraint cannot be dropped concurrently.
        if (statement.Changes.Any(c => c.Kind == ChangeKind.Dropped && c.Target.Kind is SchemaObjectKind.Table or SchemaObjectKind.MaterializedView or SchemaObjectKind.Constraint or SchemaObjectKind.Column))
            yield break;
        // ALTER COLUMN TYPE drops the column's indexes and creates them again: that is no DROP INDEX.
        var recreated = statement.Of(SchemaObjectKind.Index, ChangeKind.Created).Select(c => c.Target).ToHashSet();
        foreach (var index in statement.Of(SchemaObjectKind.Index, ChangeKind.Dropped).Where(c => !recreated.Contains(c.Target)).Select(c => c.Row))
        {
            // PostgreSQL cannot drop an index of a partitioned table concurrently.
            if (index.Kind != "i" || index.Relation is not { } tableOid || statement.StrongestTaken(tableOid) is not { Mode: LockMode.AccessExclusive } lockTaken)
                continue;
            yield return new LintIssue(
                $"DROP INDEX {index.QualifiedName} takes ACCESS EXCLUSIVE on {context.Table(lockTaken.Name)}: it waits for every query running on the table, " +
                $"and while it waits every new query on it, reads included, queues behind it; use DROP INDEX CONCURRENTLY {index.QualifiedName} {context.OutsideTransactionHow}",
                lockTaken.Name);
        }
    }
}
