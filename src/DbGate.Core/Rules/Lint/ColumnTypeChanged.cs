using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A column of an existing table changed to a type running clients can tell apart, rewrite or not.</summary>
public sealed class ColumnTypeChanged : StatementRule
{
    public override string Id => "DBG116";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        foreach (var column in context.Statement.Of(SchemaObjectKind.Column, ChangeKind.Altered))
        {
            if (!column.BeforeMigration || column.Before?.Type is not { } before || column.After?.Type is not { } after || before == after)
                continue;
            if (ColumnTypes.Compatible(before, after))
                continue;
            var name = column.Row.Name!;
            var table = column.Parent;
            var seen = ColumnTypes.Narrower(before, after)
                ? $"values {before} accepted may not fit {after}, so writes that work today fail (or are rounded)"
                : $"running code that reads and binds it as {before} gets {after}" + (before is "integer" or "smallint" && after == "bigint" ? ", which a 32-bit integer in the code cannot hold" : "");
            yield return new LintIssue(
                $"ALTER COLUMN {name} TYPE {after} on {table} changes what running clients see: {seen}; " +
                $"deploy code that handles both types first, or expand and contract: add {name}_new {after}, write to both, backfill in batches, move the readers, then drop {name}",
                [],
                [$"{column.Target.Name}: {before} → {after}"]);
        }
    }
}
