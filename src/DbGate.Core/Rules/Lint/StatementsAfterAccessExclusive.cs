using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>More statements run while ACCESS EXCLUSIVE is held: the table is unreadable until the commit.</summary>
public sealed class StatementsAfterAccessExclusive : StatementRule
{
    public override string Id => "DBG108";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var taken in statement.TakenOnExisting.Where(l => l.IsTable && l.Mode == LockMode.AccessExclusive))
        {
            var later = context.LaterInTransaction(taken).ToList();
            if (later.Count == 0)
                continue;
            var lines = later.Count == 1 ? $"line {later[0].Location.Line}" : $"lines {later[0].Location.Line}–{later[^1].Location.Line}";
            yield return new LintIssue(
                $"{statement.Command} takes ACCESS EXCLUSIVE on {context.Table(taken.Name)} and {later.Count} more statement{(later.Count == 1 ? "" : "s")} ({lines}) run before the commit, " +
                $"all the while blocking every query on it; take the lock last, or move the other statements to a migration of their own",
                taken.Name);
        }
    }
}
