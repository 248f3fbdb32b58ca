namespace DbGate.Core.Reports;

/// <summary>The Markdown summary's benchmark table, one per server, after the findings.</summary>
internal static class MarkdownBenchmarks
{
    public static void Write(MarkdownBudget md, Results.GateResult result)
    {
        foreach (var run in result.Benchmarks)
        {
            md.Append($"**{MarkdownText.Inline(BenchmarkTable.Caption(run))}**\n\n");
            md.Append(MarkdownText.TableHeader([.. BenchmarkTable.Header.Select(FindingText.Capital)]));
            var rows = BenchmarkTable.Rows(run).ToList();
            var shown = md.AppendWhileRoom(rows.Select(r => $"| {string.Join(" | ", r.Select(MarkdownText.Inline))} |\n"));
            if (shown < rows.Count)
                md.Append($"\n_{Formats.Count(rows.Count - shown, "more benchmark")} not shown: the summary is at its size limit._\n");
            md.Append("\n");
        }
    }
}
