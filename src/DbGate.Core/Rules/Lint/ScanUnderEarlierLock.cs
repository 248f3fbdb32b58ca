using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>A scan (a validation, a backfill) while an earlier statement's strong lock on the table is still held.</summary>
public sealed class ScanUnderEarlierLock : StatementRule
{
    public override string Id => "DBG106";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        // A backfill under the schema change's lock is DBG123's, with the advice for backfills.
        if (BackfillWithSchemaChange.IsBackfill(statement))
            yield break;
        foreach (var table in statement.Scanned)
        {
            if (statement.HeldBefore.Where(h => h.Oid == table.Oid && h.Mode.BlocksWrites()).MaxBy(h => h.Mode) is not { } held)
                continue;
            var by = context.TakenBy(held);
            var where = by is null ? "an earlier statement" : $"line {by.Location.Line} ({by.Command})";
            yield return new LintIssue(
                $"{statement.Command} scans {context.Table(table.Name)} while this transaction still holds the {held.Mode.SqlName()} lock {where} took, " +
                $"so {held.Mode.Blocks()} on it wait for the whole scan; commit first: run it in a separate transaction (a migration of its own)",
                table.Name);
        }
    }
}
