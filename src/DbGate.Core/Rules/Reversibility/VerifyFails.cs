using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class VerifyFails : IStepRule
{
    public string Id => "DBG008";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Verify?.Failure is { } failure)
        {
            yield return FindingFactory.Create(
                Id, facts, Phase.Up, $"verify of {facts.Migration.Id} fails after its deploy: {failure.Message}", failure.Location, FindingFactory.Explain(failure));
        }
    }
}
