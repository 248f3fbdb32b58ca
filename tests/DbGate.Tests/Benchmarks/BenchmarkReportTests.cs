using System.Text.Json.Nodes;
using DbGate.Core.Reports;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Reports;
using NJsonSchema;

namespace DbGate.Tests.Benchmarks;

/// <summary>One result model, many writers: the benchmarks in the JSON report (plans in full), the console and Markdown tables.</summary>
public sealed class BenchmarkReportTests
{
    [Fact]
    public async Task The_json_report_carries_every_plan_in_full_and_matches_the_documented_schema()
    {
        var text = await ReportSamples.WriteAsync(ReportFormat.Json, BenchmarkSamples.Benchmarked());
        var schema = await JsonSchema.FromFileAsync(RepoPaths.JsonReportSchema);

        Assert.Empty(SarifSchema.Flatten(schema.Validate(text)));
        var run = JsonNode.Parse(text)!["benchmarks"]![0]!;
        var query = run["queries"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BenchmarkSamples.SeqScanPlan), query["plan"]));
        Assert.Equal(("off", 625.07, 250, false), ((string)run["settings"]!["jit"]!, (double)query["figures"]!["cost"]!, (int)query["figures"]!["buffers"]!, (bool)query["passed"]!));
        Assert.Equal("""["DBG401","DBG405"]""", query["findings"]!.ToJsonString());
        Assert.Equal("column \"mail\" does not exist", (string)run["queries"]![1]!["error"]!);
    }

    [Fact]
    public async Task The_console_shows_a_table_of_queries_with_figures_against_thresholds() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Text, BenchmarkSamples.Benchmarked()), "benchmarked.txt");

    [Fact]
    public async Task The_markdown_summary_shows_the_same_table() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Markdown, BenchmarkSamples.Benchmarked()), "benchmarked.md");
}
