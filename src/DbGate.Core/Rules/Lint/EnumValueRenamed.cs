using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A value of an existing enum renamed: running code that writes or compares the old label breaks.</summary>
public sealed class EnumValueRenamed : StatementRule
{
    public override string Id => "DBG117";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        context.Statement.Of(SchemaObjectKind.EnumType, ChangeKind.Altered)
            .Where(c => c.BeforeMigration && c.Before?.Catalog == "enum" && c.After is { } after && c.Before.Name != after.Name)
            .Select(c => new LintIssue(
                $"RENAME VALUE '{c.Before!.Name}' TO '{c.After!.Name}' of enum {c.Target.Name} breaks running code: its writes of '{c.Before.Name}' fail " +
                $"(invalid input value for enum) and its comparisons with it stop matching; instead ALTER TYPE {c.Target.Name} ADD VALUE '{c.After.Name}', " +
                $"deploy code that accepts both, move the rows from '{c.Before.Name}' to '{c.After.Name}' in batches, then stop using '{c.Before.Name}' (an enum value cannot be dropped)",
                [],
                []));
}
