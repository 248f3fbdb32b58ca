using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>An UPDATE or DELETE of an existing table in the same transaction as a schema change of it.</summary>
public sealed class BackfillWithSchemaChange : StatementRule
{
    public override string Id => "DBG123";

    /// <summary>The statement changes rows of existing tables: an UPDATE or DELETE that took ROW EXCLUSIVE on them.</summary>
    internal static bool IsBackfill(StatementObservation statement) => statement.Command is "UPDATE" or "DELETE";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        if (!IsBackfill(statement) || !statement.InTransaction)
            yield break;
        // The tables it writes: ROW EXCLUSIVE taken now (one held before was taken by an earlier statement's write).
        var written = statement.TakenOnExisting.Where(l => l.IsTable && l.Mode == LockMode.RowExclusive).Select(l => (l.Oid, l.Name)).Distinct();
        var verb = statement.Command == "DELETE" ? "removes rows of" : "backfills";
        foreach (var (oid, name) in written)
        {
            var how = context.Facts.Migration.OneStatementRunsAlone
                ? "commit the schema change first, then change the rows in batches, each committed on its own (one statement per migration file, or from a background job)"
                : "commit the schema change first, then change the rows in batches, each committed on its own, in a migration with run_in_transaction = false in its metadata.toml, or from a background job";
            if (statement.HeldBefore.Where(h => h.Oid == oid && h.Mode > LockMode.RowExclusive).MaxBy(h => h.Mode) is { } held)
            {
                var by = context.TakenBy(held);
                var where = by is null ? "an earlier statement" : $"{by.Command} on line {by.Location.Line}";
                yield return new LintIssue(
                    $"{statement.Command} {verb} {context.Table(name)} in the same transaction as {where}, whose {held.Mode.SqlName()} lock on it is still held: " +
                    $"{held.Mode.Blocks()} wait until it has gone through every row; {how}",
                    name);
                continue;
            }
            var later = context.Script.Skip(context.Index + 1)
                .TakeWhile(s => !s.IsTransactionControl && s.HeldBefore.Any(h => h.Oid == oid))
                .FirstOrDefault(s => !IsBackfill(s) && s.TakenOnExisting.Any(l => l.Oid == oid && l.Mode >= LockMode.ShareUpdateExclusive));
            if (later?.StrongestTaken(oid) is not { } ddl)
                continue;
            yield return new LintIssue(
                $"{statement.Command} {verb} {context.Table(name)} in the same transaction as {later.Command} on line {later.Location.Line}, which then takes {ddl.Mode.SqlName()} on it: " +
                $"every row it changed stays locked until the commit, writes to them wait for the whole migration, and the {later.Command} waits for its lock while holding them; {how}",
                name);
        }
    }
}
