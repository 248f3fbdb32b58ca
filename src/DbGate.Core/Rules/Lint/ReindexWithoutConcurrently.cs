using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>REINDEX rebuilds under SHARE on the table and ACCESS EXCLUSIVE on the index: writes, and queries that would use it, wait.</summary>
public sealed class ReindexWithoutConcurrently : StatementRule
{
    public override string Id => "DBG119";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        if (statement.Command != "REINDEX")
            yield break;
        foreach (var table in statement.Rewrites.Where(r => r.What == "index").GroupBy(r => r.Table))
        {
            if (statement.StrongestTaken(table.Key.Oid) is not { } lockTaken || !lockTaken.Mode.BlocksWrites())
                continue;
            var indexes = table.Select(r => r.Name).ToList();
            var fix = indexes.Count == 1 ? $"REINDEX INDEX CONCURRENTLY {indexes[0]}" : $"REINDEX TABLE CONCURRENTLY {table.Key.Name}";
            yield return new LintIssue(
                $"REINDEX rebuilds {string.Join(", ", indexes)} of {context.Table(table.Key.Name)} under {lockTaken.Mode.SqlName()} on the table and ACCESS EXCLUSIVE on the index{(indexes.Count == 1 ? "" : "es")}: " +
                $"{lockTaken.Mode.Blocks()} wait for the whole rebuild, and so does every query that would plan with {(indexes.Count == 1 ? "it" : "one of them")}; " +
                $"use {fix} (PostgreSQL 12 and later) {context.OutsideTransactionHow}",
                [table.Key.Name],
                [.. table.Select(r => $"{r.What} {r.Name}: relfilenode {r.FileNodeBefore} → {r.FileNodeAfter}")]);
        }
    }
}
