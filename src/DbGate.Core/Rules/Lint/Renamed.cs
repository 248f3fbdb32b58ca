using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A column of an existing table renamed: running clients still use the old name.</summary>
public sealed class ColumnRenamed : StatementRule
{
    public override string Id => "DBG112";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        context.Statement.Of(SchemaObjectKind.Column, ChangeKind.Altered)
            .Where(c => c.BeforeMigration && c.Before?.Name != c.After?.Name)
            .Select(c => new LintIssue(
                $"RENAME COLUMN {c.Before?.Name} TO {c.After?.Name} on {c.Parent} breaks every running client that still uses {c.Before?.Name}; " +
                $"add {c.After?.Name}, write to both, backfill, move the readers, then drop {c.Before?.Name}",
                [],
                []));
}

/// <summary>An existing table renamed or moved to another schema: running clients still use the old name.</summary>
public sealed class TableRenamed : StatementRule
{
    public override string Id => "DBG113";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        context.Statement.Of(SchemaObjectKind.Table, ChangeKind.Altered)
            .Where(c => c.BeforeMigration && c.Before?.QualifiedName != c.After?.QualifiedName)
            .Select(c => new LintIssue(
                $"renaming {c.Before?.QualifiedName} to {c.After?.QualifiedName} breaks every running client that still uses the old name; " +
                $"rename it and create a view {c.Before?.QualifiedName} AS SELECT * FROM {c.After?.QualifiedName} in the same transaction, and drop the view once no client uses it",
                [],
                []));
}
