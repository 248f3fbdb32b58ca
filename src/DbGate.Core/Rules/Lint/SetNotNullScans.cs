using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>SET NOT NULL without a valid CHECK (col IS NOT NULL) to prove it scans the table under ACCESS EXCLUSIVE.</summary>
public sealed class SetNotNullScans : StatementRule
{
    public override string Id => "DBG105";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var column in statement.Of(SchemaObjectKind.Column, ChangeKind.Altered).Where(c => c.PreExisting && c.Before?.NotNull == false && c.After?.NotNull == true))
        {
            if (statement.Scanned.FirstOrDefault(s => s.Oid == column.Row.Oid) is not { } table)
                continue;
            var name = column.Row.Name;
            var check = $"{table.Name.Split('.')[^1]}_{name}_not_null";
            yield return new LintIssue(
                $"SET NOT NULL on {table.Name}.{name} scans {context.Table(table.Name)} under ACCESS EXCLUSIVE, blocking every query on it until every row is checked; " +
                $"instead ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT {check} in a separate transaction, " +
                $"then SET NOT NULL (PostgreSQL 12 and later skip the scan when that check is valid) and DROP CONSTRAINT {check}",
                [table.Name],
                [$"observed: a sequential scan of {table.Name} while setting NOT NULL"]);
        }
    }
}
