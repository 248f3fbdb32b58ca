using System.Text.Json;
using DbGate.Core.Configuration;
using DbGate.Core.Reports;

namespace DbGate.Core.Benchmarks.Baseline;

/// <summary>Reads and writes the benchmark baseline as indented JSON, so a diff of it reviews well.</summary>
public static class BaselineFile
{
    /// <exception cref="ConfigurationException">The file is not a benchmark baseline DbGate can read.</exception>
    public static async Task<BenchmarkBaseline> ReadAsync(string path, string shown, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var baseline = await JsonSerializer.DeserializeAsync<BenchmarkBaseline>(stream, ReportJson.Report, cancellationToken);
            // A hand-edited file may parse and still lack what the comparison reads.
            if (baseline is null || baseline.Version != BenchmarkBaseline.CurrentVersion || baseline.Runs is null
                || baseline.Runs.Any(r => r?.ServerVersion is null || r.Contract is null || r.Schema is null || r.Queries is null
                    || r.Queries.Any(q => q?.Name is null || q.Shape is null || q.Access is null || q.Parameters is null)))
                throw new ConfigurationException($"{shown} is not a benchmark baseline of version {BenchmarkBaseline.CurrentVersion}; write it again with dotnet dbgate benchmark --update-baseline");
            return baseline;
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{shown}:{(e.LineNumber ?? 0) + 1}: not a benchmark baseline ({e.Message.Split('.')[0]}); write it again with dotnet dbgate benchmark --update-baseline", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Migrations.ScriptFiles.CannotRead(shown, e);
        }
    }

    /// <summary>The baseline of a run: every server's contract and every measured query and parameter set.</summary>
    public static BenchmarkBaseline From(Results.GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BenchmarkBaseline(BenchmarkBaseline.CurrentVersion, [.. result.Benchmarks.Select(run => new BaselineRun(
            run.ServerVersion, run.Dataset.Seed, run.Contract, run.Dataset.Fingerprint, run.Schema,
            [.. run.Queries.Where(q => q.Plan is not null).Select(q => BaselineEntry.Of(q.Name, q.Parameters, ExplainedPlan.Parse(q.Plan!.Value.GetRawText())))]))]);
    }

    public static Task WriteAsync(string path, BenchmarkBaseline baseline, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, stream => ReportJson.WriteAsync(stream, baseline, ReportJson.Report, cancellationToken), cancellationToken);
}
