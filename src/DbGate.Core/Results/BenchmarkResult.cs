using System.Text.Json;
using DbGate.Core.Benchmarks;

namespace DbGate.Core.Results;

/// <summary>The benchmarks of one server: the settings that make its plans repeatable, the data, every query's figures.</summary>
/// <param name="Server">As <see cref="GateResult.Server"/> names it.</param>
/// <param name="ServerVersion">server_version, such as 15.18.</param>
/// <param name="Settings">Every planner setting DbGate fixed or that shapes plans, as the server reported it back.</param>
public sealed record BenchmarkRun(
    string Server,
    string ServerVersion,
    IReadOnlyList<BenchmarkSetting> Settings,
    BenchmarkDataset Dataset,
    IReadOnlyList<QueryBenchmark> Queries)
{
    /// <summary>The final schema's fingerprint.</summary>
    public string Schema { get; init; } = "";

    /// <summary>What a benchmark baseline must share to be compared: seed, generator, server major, rows and overrides.</summary>
    public string Contract { get; init; } = "";
}

public sealed record BenchmarkSetting(string Name, string Value);

/// <param name="Fingerprint">The seeder's: same fingerprint on the same schema, same rows.</param>
/// <param name="Statistics">How the planner's statistics were gathered, in words.</param>
public sealed record BenchmarkDataset(long Seed, string Fingerprint, long Rows, int Tables, string Statistics);

/// <summary>One query with one parameter set: the median run's figures and plan, its thresholds, and what broke them.</summary>
/// <param name="Runs">Measured runs (after the warm-up); fewer than asked when one ran far past max_time_ms.</param>
/// <param name="Error">Why it could not be measured (PostgreSQL's words); null when it was.</param>
public sealed record QueryBenchmark(
    string Name,
    IReadOnlyList<string?> Parameters,
    BenchmarkLimits Limits,
    int Runs,
    BenchmarkFigures? Figures,
    string? Error)
{
    /// <summary>EXPLAIN's JSON of the median run, in full.</summary>
    public JsonElement? Plan { get; init; }

    /// <summary>Node types and tables from the root down, without figures.</summary>
    public string? Shape { get; init; }

    /// <summary>The rules this benchmark broke, such as DBG405; empty when it passed.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}

/// <param name="TimeMs">Median planning plus execution time.</param>
/// <param name="Cost">The root's total estimated cost.</param>
/// <param name="RowsRemovedRatio">The largest at any node, with that node's label.</param>
/// <param name="Misestimate">The largest at any node, with that node's label.</param>
public sealed record BenchmarkFigures(
    double TimeMs,
    double PlanningMs,
    double ExecutionMs,
    double Cost,
    long SharedHit,
    long SharedRead,
    double? RowsRemovedRatio,
    string? RowsRemovedNode,
    double? Misestimate,
    string? MisestimateNode)
{
    public long Buffers => SharedHit + SharedRead;
}
