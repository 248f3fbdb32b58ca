using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A trigger created on an existing table: writes wait for the lock, and every later write runs it.</summary>
public sealed class TriggerOnExistingTable : StatementRule
{
    public override string Id => "DBG115";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var trigger in statement.Of(SchemaObjectKind.Trigger, ChangeKind.Created).Select(c => c.Row))
        {
            if (trigger.Relation is not { } tableOid || !context.PreExistingTable(tableOid))
                continue;
            var lockTaken = statement.StrongestTaken(tableOid);
            var table = context.TableOf(tableOid);
            yield return new LintIssue(
                $"CREATE TRIGGER {trigger.Name} takes {lockTaken?.Mode.SqlName() ?? "a lock"} on {context.Table(table)}, blocking {lockTaken?.Mode.Blocks() ?? "writes"} while it waits, " +
                "and from then on runs inside every write to it; set a lock_timeout, and make sure the deployed code expects what the trigger does",
                table);
        }
    }
}
