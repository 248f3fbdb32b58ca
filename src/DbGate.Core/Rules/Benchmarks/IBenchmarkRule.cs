using DbGate.Core.Benchmarks;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>A rule over what was observed of one benchmark query. Pure: the same measurements always give the same findings.</summary>
public interface IBenchmarkRule
{
    /// <summary>The id of the rule's <c>rules/&lt;ID&gt;.md</c>, which holds all its other metadata.</summary>
    string Id { get; }

    /// <summary>Findings at the rule's default level, located at the query's entry in dbgate.yml.</summary>
    IEnumerable<Finding> Check(QueryFacts facts);
}
