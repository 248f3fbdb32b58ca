using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>REFRESH MATERIALIZED VIEW without CONCURRENTLY rebuilds it under ACCESS EXCLUSIVE: its readers wait.</summary>
public sealed class RefreshWithoutConcurrently : StatementRule
{
    public override string Id => "DBG130";

    internal static bool Applies(StatementObservation statement, long relation) =>
        statement.Command.StartsWith("REFRESH", StringComparison.Ordinal)
        && statement.StrongestTaken(relation) is { Kind: "m", Mode: LockMode.AccessExclusive };

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var view in statement.Rewrites.Where(r => r.What == "table").Select(r => r.Table).Distinct())
        {
            if (!Applies(statement, view.Oid))
                continue;
            yield return new LintIssue(
                $"REFRESH MATERIALIZED VIEW {view.Name} recomputes it into a new file under ACCESS EXCLUSIVE, so every query reading {context.Table(view.Name)} waits for the whole refresh; " +
                $"use REFRESH MATERIALIZED VIEW CONCURRENTLY {view.Name} (it needs a unique index on the view, and takes only EXCLUSIVE: reads go on), or run the refresh from a job rather than a migration",
                [view.Name],
                [.. statement.Rewrites.Where(r => r.Table == view).Select(r => $"{r.What} {r.Name}: relfilenode {r.FileNodeBefore} → {r.FileNodeAfter}")]);
        }
    }
}
