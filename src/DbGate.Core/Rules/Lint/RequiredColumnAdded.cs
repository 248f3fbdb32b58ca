using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>NOT NULL without a default on an existing table: passes on CI's empty table, fails on any with rows.</summary>
public sealed class RequiredColumnAdded : StatementRule
{
    public override string Id => "DBG109";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        foreach (var column in context.Statement.Of(SchemaObjectKind.Column, ChangeKind.Created))
        {
            var row = column.Row;
            if (row is not { NotNull: true, HasDefault: false, Generated: null } || !context.PreExistingTable(row.Oid))
                continue;
            var table = column.Parent;
            yield return new LintIssue(
                $"ADD COLUMN {row.Name} {row.Type} NOT NULL without a default passes on CI's empty {table} but fails on any table with rows " +
                $"({context.Table(table)} in production), and breaks running code that inserts without it; add it with a DEFAULT, or nullable, backfill, then SET NOT NULL through a NOT VALID check",
                [],
                []);
        }
    }
}
