using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Reversibility;

public sealed class ColumnOrderNotRestored : IStepRule
{
    public string Id => "DBG006";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Migration.Down is null)
            yield break;
        foreach (var difference in facts.DownDifferences.Where(d => d.Kind == DifferenceKind.ColumnOrder))
        {
            yield return FindingFactory.Create(
                Id, facts, Phase.Down, $"down of {facts.Migration.Id} restores the columns in another order: {difference.Description}", FindingFactory.StartOf(facts.Migration.Down));
        }
    }
}
