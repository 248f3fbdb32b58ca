using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>CREATE INDEX takes SHARE on its table for the whole build: writes wait.</summary>
public sealed class IndexWithoutConcurrently : StatementRule
{
    public override string Id => "DBG101";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        // On a partitioned table CONCURRENTLY is refused: DBG128 gives the recipe that works there.
        if (PartitionedIndexBuilt.Of(statement) is not null)
            yield break;
        // ALTER COLUMN TYPE drops the column's indexes and builds them again: DBG102 reports that rewrite.
        var recreated = statement.Of(SchemaObjectKind.Index, ChangeKind.Dropped).Select(c => c.Target).ToHashSet();
        foreach (var index in statement.Of(SchemaObjectKind.Index, ChangeKind.Created).Where(c => !recreated.Contains(c.Target)).Select(c => c.Row))
        {
            if (index.Relation is not { } tableOid || statement.StrongestTaken(tableOid) is not { } lockTaken)
                continue;
            // Under ACCESS EXCLUSIVE the index belongs to a constraint, which DBG104 reports; under one an earlier
            // statement still holds, the build is a scan under that lock, which DBG106 reports.
            if (!lockTaken.Mode.BlocksWrites() || lockTaken.Mode == LockMode.AccessExclusive
                || statement.HeldBefore.Any(h => h.Oid == tableOid && h.Mode == LockMode.AccessExclusive)
                || statement.Of(SchemaObjectKind.Constraint, ChangeKind.Created).Any(c => c.Row.Relation == tableOid && c.Row.Name == index.Name))
                continue;
            yield return new LintIssue(
                $"{statement.Command} {index.Name} blocks writes to {context.Table(lockTaken.Name)} for the whole build ({lockTaken.Mode.SqlName()} lock); " +
                $"use CREATE INDEX CONCURRENTLY {context.OutsideTransactionHow}",
                lockTaken.Name);
        }
    }
}
