using System.Globalization;
using DbGate.Core.Results;
using Npgsql;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// Measures one query: PREPAREd once (so a statement that does not parse, or names a table that does not exist,
/// is PostgreSQL's error at its place), then per parameter set the warm-up runs and the measured runs, of which the
/// median counts. A run far past max_time_ms ends the repetitions: its figures are already conclusive.
/// </summary>
internal static class QueryRunner
{
    public static async Task<QueryFacts> RunAsync(ExplainSession session, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        if (await MissingTableAsync(session, query, cancellationToken) is { } missing)
            return new QueryFacts(query, [], missing);
        PreparedQuery prepared;
        try
        {
            prepared = await session.PrepareAsync(query.Sql, cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new QueryFacts(query, [], Failure(query, e));
        }
        var sets = new List<ParameterSetRun>();
        for (var i = 0; i < query.ParameterSets.Count; i++)
            sets.Add(await MeasureAsync(session, query, prepared, i, cancellationToken));
        var facts = new QueryFacts(query, sets);
        if (Advice.IndexAdvisor.Wanted(facts))
            facts = facts with { Advice = await Advice.IndexAdvisor.AdviseAsync(session, facts, prepared, cancellationToken) };
        await session.DeallocateAsync(prepared, cancellationToken);
        return facts;
    }

    private static async Task<ParameterSetRun> MeasureAsync(ExplainSession session, BenchmarkQuery query, PreparedQuery prepared, int index, CancellationToken cancellationToken)
    {
        var values = query.ParameterSets[index];
        var at = index < query.ParameterLocations.Count ? query.ParameterLocations[index] : query.Location;
        if (values.Count != prepared.ParameterTypes.Count)
        {
            var takes = prepared.ParameterTypes.Count == 0 ? "none" : string.Join(", ", prepared.ParameterTypes.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"${i + 1} {t}")));
            var message = string.Create(CultureInfo.InvariantCulture, $"{(query.ParametersGivenBy is { } by ? by : $"params[{index}]")} gives {Values(values.Count)}, but the statement takes {prepared.ParameterTypes.Count} ({takes})");
            return new ParameterSetRun(index, values, null, [], new QueryFailure(message, at, []));
        }
        var limits = query.Limits;
        var runaway = Math.Max(10 * limits.MaxTimeMs, 1000);
        var measured = new List<ExplainedPlan>();
        try
        {
            for (var run = 0; run < limits.Warmup + limits.Runs; run++)
            {
                var plan = await session.ExplainAsync(prepared, values, cancellationToken);
                if (run >= limits.Warmup || plan.TimeMs > runaway)
                    measured.Add(plan);
                if (plan.TimeMs > runaway)
                    break;
            }
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            // What fails here is EXECUTE with these values (a value of the wrong type, a division by zero): its
            // position counts in DbGate's EXPLAIN text, not in the statement, so the place is the parameter set.
            return new ParameterSetRun(index, values, null, [], new QueryFailure(e.MessageText, at, Details(e)));
        }
        var median = measured.OrderBy(p => p.TimeMs).ElementAt((measured.Count - 1) / 2);
        return new ParameterSetRun(index, values, median, [.. measured.Select(p => p.TimeMs)]);
    }

    /// <summary>A table named in forbid that the final schema does not have: the entry can never match, which is a mistake.</summary>
    private static async Task<QueryFailure?> MissingTableAsync(ExplainSession session, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        foreach (var forbid in query.Limits.Forbid)
        {
            foreach (var table in forbid.Tables)
            {
                if (await session.TableExistsAsync(table, cancellationToken) is { Exists: false } answer)
                {
                    var suggestion = answer.Closest is null ? "" : $" (did you mean {answer.Closest}?)";
                    return new QueryFailure($"forbid: '{forbid.Text}' names table {table}, which the migrated schema does not have{suggestion}", forbid.Location ?? query.Location, []);
                }
            }
        }
        return null;
    }

    private static List<string> Details(PostgresException e)
    {
        var details = new List<string> { $"SQLSTATE {e.SqlState}" };
        if (e.Detail is { Length: > 0 } detail)
            details.Add($"detail: {detail}");
        if (e.Hint is { Length: > 0 } hint)
            details.Add($"hint: {hint}");
        return details;
    }

    /// <summary>PREPARE's error, at its place in the statement's file, or in dbgate.yml for inline SQL, when there is one.</summary>
    private static QueryFailure Failure(BenchmarkQuery query, PostgresException e)
    {
        var details = Details(e);
        var location = query.Location;
        if (e.Position > 0 && query.Statement is { } statement && e.Position <= statement.Text.Length + 1 && query.File is { } file)
        {
            var at = statement.LocationOf(e.Position);
            location = new SourceLocation(file, at.Line, at.Column);
        }
        else if (e.Position > 0 && query.Statement is { } inline && e.Position <= inline.Text.Length + 1 && query.InlinePlaces is { } places)
        {
            var (line, column) = places.At(inline.Offset + inline.IndexOf(e.Position));
            location = new SourceLocation(query.SqlLocation.Path, line, column);
        }
        else if (e.Position > 0)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"at character {e.Position} of the statement"));
        }
        return new QueryFailure(e.MessageText, location, details);
    }

    private static string Values(int count) => count == 1 ? "1 value" : string.Create(CultureInfo.InvariantCulture, $"{count} values");
}
