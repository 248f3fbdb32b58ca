using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class DownMissing : IStepRule
{
    public string Id => "DBG005";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Migration.Down is null && facts.Migration.DownExpected && !facts.IrreversibleAllowed && !facts.Up.Failed)
        {
            yield return FindingFactory.Create(
                Id,
                facts,
                Phase.Down,
                $"{facts.Migration.Id} has no down; add one, or list it under round_trip.irreversible in dbgate.yml",
                FindingFactory.StartOf(facts.Migration.Up));
        }
    }
}
