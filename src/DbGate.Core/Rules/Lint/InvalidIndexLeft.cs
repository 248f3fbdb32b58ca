using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>An index the script leaves INVALID: the planner ignores it, and nothing in the migration says so.</summary>
public sealed class InvalidIndexLeft : StatementRule
{
    public override string Id => "DBG122";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        foreach (var change in context.Statement.Changes.Where(c => c.Target.Kind == SchemaObjectKind.Index && c.Kind != ChangeKind.Dropped && c.After?.Valid == false))
        {
            // Only where the script leaves it: a later statement that validates, rebuilds or drops it settles it.
            if (context.Script.Skip(context.Index + 1).Any(s => s.Changes.Any(c => c.Target == change.Target || c.Row.Oid == change.Row.Oid)))
                continue;
            var index = change.Row;
            var table = index.Type is { } definition && definition.IndexOf(" ON ", StringComparison.Ordinal) is var on and >= 0
                ? definition[(on + 4)..].Replace("ONLY ", "", StringComparison.Ordinal).Split(' ')[0]
                : "its table";
            var fix = index.Kind == "I"
                ? $"a partitioned index stays invalid until every partition of {table} has its own index attached: for each partition CREATE INDEX CONCURRENTLY one " +
                  $"and ALTER INDEX {index.QualifiedName} ATTACH PARTITION it, in this migration or a later one (then say so here with -- dbgate:ignore DBG122)"
                : $"it is still maintained on every write to {table} but no query uses it, and a rerun with IF NOT EXISTS skips it; DROP INDEX CONCURRENTLY {index.QualifiedName} and build it again";
            var when = context.Statement.Failed is null ? "at the end of the migration" : "behind when it failed (what it committed before the error stays)";
            yield return new LintIssue(
                $"{context.Statement.Command} leaves index {index.QualifiedName} INVALID {when}: {fix}",
                [],
                index.Type is null ? [] : [$"index: {index.Type}"]);
        }
    }
}
