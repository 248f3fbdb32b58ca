using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Reversibility;

public sealed class DownDoesNotRestore : IStepRule
{
    public string Id => "DBG003";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        var differences = facts.DownDifferences.Where(d => d.Kind != DifferenceKind.ColumnOrder).ToList();
        if (differences.Count == 0 || facts.Migration.Down is null)
            yield break;
        var (message, details) = FindingFactory.Summarise($"down of {facts.Migration.Id} does not restore the schema", differences);
        yield return FindingFactory.Create(Id, facts, Phase.Down, message, FindingFactory.StartOf(facts.Migration.Down), details);
    }
}
