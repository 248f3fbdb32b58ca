using DbGate.Core.Observation;

namespace DbGate.Core.Rules.Lint;

/// <summary>A write-blocking lock requested with no lock_timeout: while it waits, every later query queues behind it.</summary>
public sealed class LockWithoutTimeout : StatementRule
{
    public override string Id => "DBG107";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        if (statement.Before.HasLockTimeout)
            yield break;
        var locks = statement.TakenOnExisting.Where(l => l.IsTable && l.Mode.BlocksWrites()).GroupBy(l => l.Oid).Select(g => g.MaxBy(l => l.Mode)!).ToList();
        if (locks.Count == 0)
            yield break;
        var strongest = locks.MaxBy(l => l.Mode)!;
        var tables = string.Join(", ", locks.Select(l => context.Table(l.Name)));
        // Command mode: the tool ran the statements in sessions of its own, whose settings DbGate cannot read.
        if (statement.Before == SessionSettings.Unknown)
        {
            yield return new LintIssue(
                $"{statement.Command} took {strongest.Mode.SqlName()} on {tables} (seen in pg_locks while it ran), blocking {strongest.Mode.Blocks()}; " +
                "DbGate cannot see the tool's lock_timeout: make sure the migration sets one (SET lock_timeout = '5s') so that a long query cannot make every later one queue behind it",
                [.. locks.Select(l => l.Name)],
                ["lock_timeout in effect: not known (the tool's own sessions)"]);
            yield break;
        }
        yield return new LintIssue(
            $"{statement.Command} waits for {strongest.Mode.SqlName()} on {tables} with no lock_timeout: if a long query holds the table, the statement waits and " +
            $"{strongest.Mode.Blocks()} queue behind it; SET lock_timeout = '5s' before it (and retry the migration when it times out)",
            [.. locks.Select(l => l.Name)],
            [$"lock_timeout in effect: {statement.Before.LockTimeout}"]);
    }
}
