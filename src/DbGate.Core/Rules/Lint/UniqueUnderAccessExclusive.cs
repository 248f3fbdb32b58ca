using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>ADD UNIQUE, PRIMARY KEY or EXCLUDE builds its index under ACCESS EXCLUSIVE: even reads wait.</summary>
public sealed class UniqueUnderAccessExclusive : StatementRule
{
    public override string Id => "DBG104";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        var built = statement.Of(SchemaObjectKind.Index, ChangeKind.Created).Select(c => c.Row).ToList();
        // ALTER COLUMN TYPE drops and recreates the constraints on the column: that is no ADD (a rewrite is DBG102's).
        var recreated = statement.Of(SchemaObjectKind.Constraint, ChangeKind.Dropped).Select(c => c.Target).ToHashSet();
        foreach (var constraint in statement.Of(SchemaObjectKind.Constraint, ChangeKind.Created).Where(c => !recreated.Contains(c.Target)).Select(c => c.Row))
        {
            if (constraint is not { Kind: "u" or "p" or "x", Relation: { } tableOid } || !context.PreExistingTable(tableOid))
                continue;
            // USING INDEX attaches an index built earlier (concurrently, one hopes): nothing is built here.
            if (!built.Any(i => i.Relation == tableOid))
                continue;

            var table = context.TableOf(tableOid);
            var fix = constraint.Kind == "x"
                ? "an exclusion constraint cannot be attached to an index built concurrently: create a new table with it, copy the rows in batches and swap, or add it in a maintenance window"
                : $"build the index first with CREATE UNIQUE INDEX CONCURRENTLY {constraint.Name} ON {table} {Columns(constraint.Type)} {context.OutsideTransactionHow}, " +
                  $"then ALTER TABLE {table} ADD CONSTRAINT {constraint.Name} {(constraint.Kind == "p" ? "PRIMARY KEY" : "UNIQUE")} USING INDEX {constraint.Name}";
            yield return new LintIssue(
                $"ADD CONSTRAINT {constraint.Name} builds its index on {context.Table(table)} under ACCESS EXCLUSIVE, blocking every query on it, reads included, for the whole build; {fix}",
                table);
        }
    }

    // "UNIQUE (email)" → "(email)"
    private static string Columns(string? definition) =>
        definition is not null && definition.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? definition[open..] : "(…)";
}
