using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table: every query on any partition waits.</summary>
public sealed class DetachPartitionWithoutConcurrently : StatementRule
{
    public override string Id => "DBG120";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        var detached = statement.Of(SchemaObjectKind.Table, ChangeKind.Altered)
            .Where(c => c.PreExisting && c.Before?.Partition == true && c.After?.Partition == false)
            .ToList();
        if (detached.Count == 0)
            yield break;
        foreach (var parent in statement.TakenOnExisting.Where(l => l.Kind == "p" && l.Mode == LockMode.AccessExclusive))
        {
            foreach (var partition in detached)
            {
                yield return new LintIssue(
                    $"DETACH PARTITION {partition.Target.Name} takes ACCESS EXCLUSIVE on {context.Table(parent.Name)}, so every query on it and on all its partitions, reads included, " +
                    $"queues behind it while it waits and runs; use ALTER TABLE {parent.Name} DETACH PARTITION {partition.Target.Name} CONCURRENTLY (PostgreSQL 14 and later; " +
                    $"not with a DEFAULT partition) {context.OutsideTransactionHow}",
                    parent.Name);
            }
        }
    }
}
