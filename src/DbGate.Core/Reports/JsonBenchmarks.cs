using System.Text.Json;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

// The JSON report's benchmarks member: every server's settings and data, every query's figures, thresholds and plan in full.

internal sealed record JsonBenchmarkRun(
    string Server,
    string ServerVersion,
    IReadOnlyDictionary<string, string> Settings,
    JsonDataset Dataset,
    IReadOnlyList<JsonQueryBenchmark> Queries)
{
    public static JsonBenchmarkRun From(BenchmarkRun run) => new(
        run.Server,
        run.ServerVersion,
        run.Settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
        new JsonDataset(run.Dataset.Seed, run.Dataset.Fingerprint, run.Dataset.Rows, run.Dataset.Tables, run.Dataset.Statistics),
        [.. run.Queries.Select(JsonQueryBenchmark.From)]);
}

internal sealed record JsonDataset(long Seed, string Fingerprint, long Rows, int Tables, string Statistics);

internal sealed record JsonQueryBenchmark(
    string Name,
    IReadOnlyList<string?> Parameters,
    bool Passed,
    IReadOnlyList<string> Findings,
    int Runs,
    string? Error,
    JsonFigures? Figures,
    JsonLimits Thresholds,
    string? Shape,
    JsonElement? Plan)
{
    public static JsonQueryBenchmark From(QueryBenchmark query)
    {
        var f = query.Figures;
        var l = query.Limits;
        return new JsonQueryBenchmark(
            query.Name,
            query.Parameters,
            query.Findings.Count == 0,
            query.Findings,
            query.Runs,
            query.Error,
            f is null ? null : new JsonFigures(Math.Round(f.TimeMs, 3), f.PlanningMs, f.ExecutionMs, f.Cost, f.SharedHit, f.SharedRead, f.Buffers, f.RowsRemovedRatio, f.RowsRemovedNode, f.Misestimate, f.MisestimateNode),
            new JsonLimits(l.Runs, l.Warmup, l.MaxTimeMs, l.MaxCost, l.MaxBuffers, l.MaxRowsRemovedRatio, l.MaxMisestimate, [.. l.Forbid.Select(x => x.Text)]),
            query.Shape,
            query.Plan);
    }
}

internal sealed record JsonFigures(
    double TimeMs, double PlanningMs, double ExecutionMs, double Cost, long SharedHit, long SharedRead, long Buffers,
    double? RowsRemovedRatio, string? RowsRemovedNode, double? Misestimate, string? MisestimateNode);

internal sealed record JsonLimits(
    int Runs, int Warmup, double MaxTimeMs, double? MaxCost, long? MaxBuffers, double? MaxRowsRemovedRatio, double? MaxMisestimate, IReadOnlyList<string> Forbid);
