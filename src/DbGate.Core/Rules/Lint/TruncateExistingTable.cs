using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>TRUNCATE of an existing table: production's rows are gone, under ACCESS EXCLUSIVE.</summary>
public sealed class TruncateExistingTable : StatementRule
{
    public override string Id => "DBG114";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        if (statement.Command != "TRUNCATE")
            yield break;
        var tables = statement.Rewrites.Where(r => r.What == "table").Select(r => r.Table.Name).Distinct().ToList();
        if (tables.Count == 0)
            yield break;
        yield return new LintIssue(
            $"TRUNCATE empties {string.Join(", ", tables.Select(context.Table))} in production, under ACCESS EXCLUSIVE; " +
            "if that is the intent, say so with a dbgate:ignore comment, otherwise delete the rows you mean in batches",
            [],
            [$"tables emptied: {string.Join(", ", tables)}"]);
    }
}
