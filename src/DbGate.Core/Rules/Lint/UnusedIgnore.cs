using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Lint;

/// <summary>A dbgate:ignore that silences nothing: stale after a fix, or a typo in the rule id.</summary>
/// <remarks>Not an <see cref="IStepRule"/>: <see cref="StepRules.Check"/> judges it last, from the statement rules' findings.</remarks>
public static class UnusedIgnore
{
    public const string Id = "DBG199";

    /// <param name="statementFindings">What the statement rules reported on this step, before any ignore applied.</param>
    public static IEnumerable<Finding> Check(StepFacts facts, IEnumerable<Finding> statementFindings)
    {
        var found = statementFindings.Select(f => (f.RuleId, f.Location)).ToHashSet();
        foreach (var ignore in facts.Statements.SelectMany(Suppressions.Of))
        {
            foreach (var rule in ignore.Rules.Where(r => !found.Contains((r, ignore.Statement.Location))))
            {
                var why = RuleCatalog.All.Any(d => d.Id == rule) ? $"{rule} reports nothing on this statement" : $"there is no rule {rule}";
                yield return new Finding(Id, RuleCatalog.Get(Id).DefaultLevel, $"dbgate:ignore {rule} silences nothing: {why}; remove it", ignore.Location, facts.Migration.Id, null, ignore.Statement.Phase);
            }
        }
        foreach (var ignore in facts.Statements.SelectMany(Suppressions.Detached))
        {
            var rules = string.Join(", ", ignore.Rules);
            yield return new Finding(
                Id, RuleCatalog.Get(Id).DefaultLevel,
                $"dbgate:ignore {rules} silences nothing: it is neither on a statement nor on the lines right above one; move it onto the statement it is meant for",
                ignore.Location, facts.Migration.Id, null, ignore.Statement.Phase);
        }
    }
}
