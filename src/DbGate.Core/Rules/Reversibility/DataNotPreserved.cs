using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class DataNotPreserved : IStepRule
{
    public string Id => "DBG007";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.DataLost.Count == 0 || facts.Migration.Down is null)
            yield break;
        var message = facts.DataLost.Count == 1
            ? $"up and down of {facts.Migration.Id} do not preserve existing rows: {facts.DataLost[0]}"
            : $"up and down of {facts.Migration.Id} do not preserve existing rows in {facts.DataLost.Count} tables";
        yield return FindingFactory.Create(Id, facts, Phase.Down, message, FindingFactory.StartOf(facts.Migration.Down), facts.DataLost.Count == 1 ? null : facts.DataLost);
    }
}
