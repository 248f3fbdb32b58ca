using System.Text;

namespace DbGate.Core.Reports;

/// <summary>The console's benchmark table: the caption, then the columns padded to their widest cell.</summary>
internal static class TextBenchmarks
{
    public static void Append(StringBuilder text, Results.GateResult result, Func<string, string> clean)
    {
        foreach (var run in result.Benchmarks)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append(clean(BenchmarkTable.Caption(run))).Append('\n');
            var rows = BenchmarkTable.Rows(run).Prepend(BenchmarkTable.Header).Select(r => r.Select(clean).ToArray()).ToList();
            var widths = Enumerable.Range(0, BenchmarkTable.Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
            foreach (var row in rows)
            {
                // The last column (what the row broke, or why it could not run) is not padded.
                var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
                text.Append(FindingText.Indent).Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            }
        }
    }
}
