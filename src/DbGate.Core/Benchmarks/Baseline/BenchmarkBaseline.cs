namespace DbGate.Core.Benchmarks.Baseline;

/// <summary>
/// The committed benchmark baseline (<c>dbgate.benchmarks.json</c>): per server version, the dataset contract it was
/// measured under, and each query's plan shape, table access, cost and buffers. Written by
/// <c>dotnet dbgate benchmark --update-baseline</c>; <c>check</c> fails on a change past the tolerance.
/// </summary>
public sealed record BenchmarkBaseline(int Version, IReadOnlyList<BaselineRun> Runs)
{
    public const int CurrentVersion = 1;
}

/// <param name="ServerVersion">server_version when measured, such as 15.18; runs are matched by major version.</param>
/// <param name="Contract">What makes two measurements comparable: seed, generator version, server major, rows and overrides.</param>
/// <param name="Dataset">The seeder's dataset fingerprint.</param>
/// <param name="Schema">The final schema's fingerprint; a pull request's migrations change it, which is what is being checked.</param>
public sealed record BaselineRun(string ServerVersion, long Seed, string Contract, string Dataset, string Schema, IReadOnlyList<BaselineEntry> Queries)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Major => DatasetContract.Major(ServerVersion);
}

/// <param name="Access">Per table (schema.table), how the plan reads it: Seq Scan, Index Scan using orders_pkey…</param>
public sealed record BaselineEntry(string Name, IReadOnlyList<string?> Parameters, string Shape, IReadOnlyDictionary<string, IReadOnlyList<string>> Access, double Cost, long Buffers)
{
    public static BaselineEntry Of(string name, IReadOnlyList<string?> parameters, ExplainedPlan plan) =>
        new(name, parameters, plan.Root.Shape(), AccessOf(plan.Root), plan.Root.TotalCost, plan.Root.Buffers);

    /// <summary>How each table is read: the node type (and index) of every node on it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AccessOf(PlanNode root) =>
        root.Descendants().Where(n => n.Table is not null)
            .GroupBy(n => n.Table!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(n => n.IndexName is null ? n.NodeType : $"{n.NodeType} using {n.IndexName}").Distinct()], StringComparer.Ordinal);
}
