using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A column of an existing table dropped: running clients that select or insert it fail.</summary>
public sealed class ColumnDropped : StatementRule
{
    public override string Id => "DBG110";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        context.Statement.Of(SchemaObjectKind.Column, ChangeKind.Dropped)
            .Where(c => c.BeforeMigration && !context.Statement.Changes.Any(t => t.Kind == ChangeKind.Dropped && t.Target.Kind == SchemaObjectKind.Table && c.Target.Name.StartsWith(t.Target.Name + ".", StringComparison.Ordinal)))
            .Select(c => new LintIssue(
                $"DROP COLUMN {c.Target.Name} breaks every running client that still selects or inserts it; remove it from the code first, deploy, then drop it in a later migration",
                [],
                []));
}

/// <summary>An existing table dropped: running clients that use it fail.</summary>
public sealed class TableDropped : StatementRule
{
    public override string Id => "DBG111";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        context.Statement.Of(SchemaObjectKind.Table, ChangeKind.Dropped)
            .Where(c => c.BeforeMigration)
            .Select(c => new LintIssue(
                $"DROP TABLE {c.Target.Name} breaks every running client that still uses it; stop using it in the code first, deploy, then drop it in a later migration",
                [],
                []));
}
