using System.Globalization;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>
/// The benchmarks as rows of cells, one per query and parameter set: each figure as "measured / threshold" (the
/// threshold left out where none is set), and what the row broke. The console and Markdown writers lay it out.
/// </summary>
internal static class BenchmarkTable
{
    /// <summary>The settings DbGate fixes for repeatable plans; the caption names them, the JSON report has them all.</summary>
    private static readonly string[] Fixed = ["jit", "max_parallel_workers_per_gather", "plan_cache_mode"];

    public static readonly string[] Header = ["query", "params", "time ms", "cost", "buffers", "rows removed", "misestimate", "result"];

    /// <summary>One line above the table: the server, the data and the settings that decide plans.</summary>
    public static string Caption(BenchmarkRun run)
    {
        var settings = run.Settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        var fixedSettings = string.Join(", ", Fixed
            .Where(settings.ContainsKey).Select(n => $"{n} = {settings[n]}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Benchmarks on PostgreSQL {run.ServerVersion}: {run.Dataset.Rows} seeded rows in {run.Dataset.Tables} tables (seed {run.Dataset.Seed}, dataset {run.Dataset.Fingerprint}), {run.Dataset.Statistics}; {fixedSettings}");
    }

    public static IEnumerable<string[]> Rows(BenchmarkRun run) => run.Queries.Select(Row);

    private static string[] Row(QueryBenchmark query)
    {
        var parameters = query.Parameters.Count == 0 ? "" : $"({string.Join(", ", query.Parameters.Select(p => p ?? "NULL"))})";
        var result = query.Findings.Count == 0 ? "passed" : string.Join(" ", query.Findings);
        if (query.Figures is not { } f)
            return [query.Name, parameters, "—", "—", "—", "—", "—", query.Error is null ? result : $"{result}: {query.Error}"];
        var l = query.Limits;
        return
        [
            query.Name,
            parameters,
            Figure(f.TimeMs, l.MaxTimeMs),
            Figure(f.Cost, l.MaxCost),
            Figure(f.Buffers, l.MaxBuffers),
            f.RowsRemovedRatio is { } r ? $"{Percent(r)}{(l.MaxRowsRemovedRatio is { } max ? $" / {Percent(max)}" : "")}" : "—",
            f.Misestimate is { } m ? Figure(m, l.MaxMisestimate, "×") : "—",
            result,
        ];
    }

    private static string Figure(double value, double? max, string unit = "") =>
        max is { } limit ? $"{Number(value)}{unit} / {Number(limit)}{unit}" : Number(value) + unit;

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    // 99.97 % is not 100 %: near the top, two decimals.
    private static string Percent(double ratio) => (ratio * 100).ToString(ratio >= 0.995 && ratio < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";
}
