using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class DownFails : IStepRule
{
    public string Id => "DBG002";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Down.Failure is { } failure)
            yield return FindingFactory.Create(Id, facts, Phase.Down, $"down of {facts.Migration.Id} fails: {failure.Message}", failure.Location, FindingFactory.Explain(failure, facts.Migration.OutsideTransactionHint));
    }
}
