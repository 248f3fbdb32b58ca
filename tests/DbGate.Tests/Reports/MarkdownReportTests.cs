using System.Text;
using DbGate.Core.Reports;

namespace DbGate.Tests.Reports;

public sealed class MarkdownReportTests
{
    [Fact]
    public async Task Representative_result_matches_the_snapshot() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Markdown, ReportSamples.Representative()), "representative.md");

    [Fact]
    public async Task Incomplete_result_matches_the_snapshot() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Markdown, ReportSamples.Incomplete()), "incomplete.md");

    [Fact]
    public async Task No_findings_says_passed_without_a_table()
    {
        var markdown = await ReportSamples.WriteAsync(ReportFormat.Markdown, ReportSamples.Clean());

        Assert.StartsWith("## ✅ DbGate passed\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| Level |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a | b", "a \\| b")]
    [InlineData("<script>&", "&lt;script&gt;&amp;")]
    [InlineData("`x` *y* _z_ [l](u)", "\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u)")]
    [InlineData("one\ntwo", "one<br>two")]
    [InlineData("esc\u001b[0m", "esc\\\\u001B\\[0m")]
    public void Inline_text_cannot_escape_its_cell(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Inline(text));

    [Fact]
    public async Task A_summary_over_the_size_limit_is_cut_with_a_note_and_stays_well_formed()
    {
        var writer = new MarkdownReportWriter(ReportSamples.Context, maxBytes: 20_000);

        var markdown = await ReportSamples.WriteAsync(writer, ReportSamples.Many(30_000));

        Assert.InRange(Encoding.UTF8.GetByteCount(markdown), 10_000, 20_000);
        Assert.Contains("more findings not shown: the summary is at its size limit", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_thousand_findings_stay_under_GitHubs_one_MiB_step_summary()
    {
        var markdown = await ReportSamples.WriteAsync(ReportFormat.Markdown, ReportSamples.Many(30_000));

        Assert.True(Encoding.UTF8.GetByteCount(markdown) < 1024 * 1024);
        Assert.Contains("not shown", markdown, StringComparison.Ordinal);
    }
}
