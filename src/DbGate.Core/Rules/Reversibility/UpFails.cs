using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Reversibility;

public sealed class UpFails : IStepRule
{
    public string Id => "DBG001";

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        if (facts.Up.Failure is not { } failure)
            yield break;
        var finding = FindingFactory.Create(Id, facts, Phase.Up, $"up of {facts.Migration.Id} fails: {failure.Message}", failure.Location, FindingFactory.Explain(failure, facts.Migration.OutsideTransactionHint));
        // The tool carries on past this step (Liquibase failOnError:false): worth fixing, not worth failing the build.
        yield return facts.Migration.FailureTolerated
            ? finding with { Level = Level.Warning, Message = finding.Message + " (failOnError:false: the tool carries on)" }
            : finding;
    }
}
