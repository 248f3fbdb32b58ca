using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>A domain's CHECK validated against existing tables: each is scanned under a write-blocking lock.</summary>
public sealed class DomainConstraintValidated : StatementRule
{
    public override string Id => "DBG129";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        var validated = statement.Changes
            .Where(c => c.Target.Kind == SchemaObjectKind.Constraint && c.Row is { Catalog: "constraint", Relation: null, Kind: "c" } && c.After?.Valid == true && c.Before?.Valid != true)
            .ToList();
        var locked = statement.TakenOnExisting.Where(l => l.IsTable && l.Mode.BlocksWrites()).ToList();
        if (validated.Count == 0 || locked.Count == 0)
            yield break;
        foreach (var constraint in validated)
        {
            var domain = constraint.Parent;
            var mode = locked.Max(l => l.Mode);
            var check = constraint.Row.Type ?? "CHECK (…)";
            yield return new LintIssue(
                $"{statement.Command} validates {constraint.Row.Name} of domain {domain} by scanning every table with a column of it, {string.Join(", ", locked.Select(l => context.Table(l.Name)))}, " +
                $"under {mode.SqlName()}, blocking {mode.Blocks()} for the whole scan; a domain's VALIDATE CONSTRAINT takes the same lock, so NOT VALID does not help: " +
                $"put the {check} on the columns instead, with VALUE replaced by the column (ALTER TABLE {locked[0].Name} ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a separate transaction)",
                [.. locked.Select(l => l.Name)],
                statement.Scanned.Count == 0 ? [] : [$"observed: a sequential scan of {string.Join(", ", statement.Scanned.Select(s => s.Name))}"]);
        }
    }
}
