using DbGate.Core.Results;

namespace DbGate.Core.Benchmarks;

/// <summary>What was observed of one benchmark query, every parameter set of it: what the rules judge.</summary>
/// <param name="Failure">Why the query could not run at all (it does not parse, names a table that does not exist).</param>
public sealed record QueryFacts(BenchmarkQuery Query, IReadOnlyList<ParameterSetRun> Sets, QueryFailure? Failure = null)
{
    /// <summary>The best index candidate, proven on the seeded data, when a plan threshold an index can mend was broken.</summary>
    public Advice.IndexAdvice? Advice { get; init; }

    /// <summary>The parameter sets that were measured.</summary>
    public IEnumerable<(ParameterSetRun Set, ExplainedPlan Plan)> Measured =>
        Sets.Where(s => s.Median is not null).Select(s => (s, s.Median!));

    /// <summary>"orders-of-customer" with one parameter set, "orders-of-customer with (17)" when it has values.</summary>
    public string Describe(ParameterSetRun set) =>
        set.Parameters.Count == 0 ? Query.Name : $"{Query.Name} with ({string.Join(", ", set.Parameters.Select(p => p ?? "NULL"))})";
}

/// <param name="Index">0-based position in <c>params</c>.</param>
/// <param name="Median">The run of median time, null when none could run.</param>
/// <param name="TimesMs">Planning plus execution time of every measured run, in order.</param>
public sealed record ParameterSetRun(int Index, IReadOnlyList<string?> Parameters, ExplainedPlan? Median, IReadOnlyList<double> TimesMs, QueryFailure? Failure = null);

/// <param name="Message">PostgreSQL's words, or DbGate's for a parameter count that does not match.</param>
/// <param name="Location">Where to fix it: the statement's file and position, the params entry, or the query's entry.</param>
public sealed record QueryFailure(string Message, SourceLocation Location, IReadOnlyList<string> Details);
