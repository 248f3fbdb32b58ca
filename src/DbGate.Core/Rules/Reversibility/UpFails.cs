using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class UpFails : IStepRule
{
    public string Id => "DBG001";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Up.Failure is { } failure)
            yield return FindingFactory.Create(Id, facts, Phase.Up, $"up of {facts.Migration.Id} fails: {failure.Message}", failure.Location, FindingFactory.Explain(failure));
    }
}
