using DbGate.Core.Benchmarks;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Benchmarks;

/// <summary>DBG400: the query could not be measured: it does not parse, names what the schema lacks, or its parameters do not fit.</summary>
public sealed class BenchmarkQueryFails : IBenchmarkRule
{
    public string Id => "DBG400";

    public IEnumerable<Finding> Check(QueryFacts facts)
    {
        if (facts.Failure is { } failure)
            yield return BenchmarkFindings.Create(Id, facts, $"benchmark {facts.Query.Name} cannot run: {failure.Message}", failure.Details, failure.Location);
        foreach (var set in facts.Sets.Where(s => s.Failure is not null))
            yield return BenchmarkFindings.Create(Id, facts, $"benchmark {facts.Describe(set)} cannot run: {set.Failure!.Message}", set.Failure.Details, set.Failure.Location);
    }
}
