using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class UpNotRepeatable : IStepRule
{
    public string Id => "DBG004";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Redo.Failure is { } failure)
        {
            yield return FindingFactory.Create(
                Id, facts, Phase.Redo, $"up of {facts.Migration.Id} fails when run again after its down: {failure.Message}", failure.Location, FindingFactory.Explain(failure, facts.Migration.OutsideTransactionHint));
        }
        else if (facts.RedoDifferences.Count > 0)
        {
            var (message, details) = FindingFactory.Summarise($"up of {facts.Migration.Id} gives a different schema when run again after its down", facts.RedoDifferences);
            yield return FindingFactory.Create(Id, facts, Phase.Redo, message, FindingFactory.StartOf(facts.Migration.Up), details);
        }
    }
}
