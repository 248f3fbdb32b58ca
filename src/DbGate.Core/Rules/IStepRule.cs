using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules;

/// <summary>
/// A rule over what was observed of one migration. Pure: the same facts always give the same findings, so
/// rules are tested without a server and their order never matters.
/// </summary>
public interface IStepRule
{
    /// <summary>The id of the rule's <c>rules/&lt;ID&gt;.md</c>, which holds all its other metadata.</summary>
    string Id { get; }

    /// <summary>Findings at the rule's default level; configuration re-levels them afterwards.</summary>
    IEnumerable<Finding> Check(StepFacts facts);
}
