using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Tests.Reports;

public sealed class TextReportTests
{
    [Fact]
    public async Task Representative_result_matches_the_snapshot() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Text, ReportSamples.Representative()), "representative.txt");

    [Fact]
    public async Task Incomplete_result_matches_the_snapshot() =>
        Snapshot.Match(await ReportSamples.WriteAsync(ReportFormat.Text, ReportSamples.Incomplete()), "incomplete.txt");

    [Fact]
    public async Task No_findings_is_one_line_per_migration_and_a_pass()
    {
        var text = await ReportSamples.WriteAsync(ReportFormat.Text, ReportSamples.Clean());

        Assert.Equal("0001_create_users  up passed 12 ms, down passed 4 ms\n\n2 steps, 0 errors, 0 warnings in 40 ms — PASSED\n", text);
    }

    [Fact]
    public async Task MSBuild_style_puts_line_and_column_in_parentheses()
    {
        var writer = new TextReportWriter(ReportSamples.Context, new TextReportOptions { MsBuildLocations = true });

        var text = await ReportSamples.WriteAsync(writer, ReportSamples.Representative());

        Assert.Contains("\nmigrations/0002 add email/down.sql(3,1): error DBG002: Down migration fails", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colour_is_off_by_default_and_paints_levels_and_verdicts_when_asked()
    {
        var plain = await ReportSamples.WriteAsync(ReportFormat.Text, ReportSamples.Representative());
        var coloured = await ReportSamples.WriteAsync(new TextReportWriter(ReportSamples.Context, new TextReportOptions { Colour = true }), ReportSamples.Representative());

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains(": \u001b[31merror\u001b[0m DBG002:", coloured, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;31mFAILED\u001b[0m\n", coloured, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    public void Colour_only_for_a_terminal_without_NO_COLOR(bool redirected, string? noColor, bool expected) =>
        Assert.Equal(expected, TextReportOptions.ColourWanted(redirected, noColor));

    [Fact]
    public async Task Writes_to_a_text_writer_such_as_the_console()
    {
        using var output = new StringWriter();

        await new TextReportWriter(ReportSamples.Context).WriteAsync(ReportSamples.Clean(), output);

        Assert.EndsWith("— PASSED\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_alone_passes_at_the_default_fail_on_and_fails_at_warning()
    {
        var result = ReportSamples.Clean() with { Findings = [new Finding("DBG010", Level.Warning, "w")] };

        Assert.EndsWith("— PASSED\n", await ReportSamples.WriteAsync(ReportFormat.Text, result), StringComparison.Ordinal);
        var strict = ReportWriters.Create(ReportFormat.Text, ReportSamples.Context with { FailOn = Level.Warning });
        Assert.EndsWith("— FAILED\n", await ReportSamples.WriteAsync(strict, result), StringComparison.Ordinal);
    }
}
