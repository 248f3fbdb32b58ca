using DbGate.Core.Results;

namespace DbGate.Core.Benchmarks;

/// <summary>What was observed of one benchmark query, every parameter set of it: what the rules judge.</summary>
/// <param name="Failure">Why the query could not run at all (it does not parse, names a table that does not exist).</param>
public sealed record QueryFacts(BenchmarkQuery Query, IReadOnlyList<ParameterSetRun> Sets, QueryFailure? Failure = null)
{
    /// <summary>The best index candidate, proven on the seeded data, when a plan threshold an index can mend was broken.</summary>
    public Advice.IndexAdvice? Advice { get; init; }

    /// <summary>What the committed benchmark baseline says of this query; null without one.</summary>
    public BaselineFacts? Baseline { get; init; }

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

/// <param name="Entries">The baseline's entries for this query, one per parameter set it measured.</param>
/// <param name="Tolerance">How much worse cost or buffers may get: 0.2 for 20 %.</param>
/// <param name="Blame">The last migration of the run that changed a table the query reads, in either plan; null when none did.</param>
public sealed record BaselineFacts(IReadOnlyList<Baseline.BaselineEntry> Entries, double Tolerance, string? Blame, string File)
{
    public Baseline.BaselineEntry? For(ParameterSetRun set) => Entries.FirstOrDefault(e => e.Parameters.SequenceEqual(set.Parameters));

    /// <summary>", changed by 0003_drop_index (the last migration that changed a table the query reads)", or nothing.</summary>
    public string BlameText => Blame is null ? "" : $"; the plan changed with migration {Blame}, the last to change a table the query reads";
}
