using DbGate.Core.Configuration;
using DbGate.Core.Reports;
using DbGate.Core.Reports.Hosts;
using DbGate.Core.Results;

namespace DbGate.Tests.Reports;

/// <summary>The writers for the hosts: GitHub workflow commands and outputs, and MSBuild's canonical lines.</summary>
public sealed class HostWriterTests
{
    private static GateResult Many(int errors, int warnings, int notes) => new(
        ReportSamples.Root,
        "PostgreSQL 15.18 (local)",
        [],
        [
            .. Enumerable.Range(1, notes).Select(i => new Finding("DBG006", Level.Note, $"note {i}", new SourceLocation($"m/{i}.down.sql", i, 1))),
            .. Enumerable.Range(1, warnings).Select(i => new Finding("DBG005", Level.Warning, $"warning {i}", new SourceLocation($"m/{i}.up.sql", i, 1))),
            .. Enumerable.Range(1, errors).Select(i => new Finding("DBG002", Level.Error, $"error {i}", new SourceLocation($"m/{i}.down.sql", i, 2))),
        ],
        TimeSpan.FromSeconds(1));

    private static string[] Annotations(GateResult result) =>
        new GitHubAnnotationWriter(ReportSamples.Context).Render(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void GitHub_gets_at_most_ten_annotations_of_each_kind_errors_first_and_one_notice_counting_the_rest()
    {
        var lines = Annotations(Many(errors: 12, warnings: 11, notes: 3));

        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.StartsWith("::error file=m/1.down.sql,line=1,col=2,title=DBG002 Down migration fails::error 1", lines[0], StringComparison.Ordinal);
        Assert.True(lines.TakeWhile(l => l.StartsWith("::error", StringComparison.Ordinal)).Count() == 10, "errors come first");
        Assert.Equal(4, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.Equal("::notice title=DbGate::2 more errors, 1 more warning not shown as annotations (GitHub keeps 10 of each per step): see the job summary", lines[^1]);
    }

    [Fact]
    public void Without_overflow_there_is_no_summary_notice()
    {
        var lines = Annotations(Many(errors: 2, warnings: 1, notes: 10));

        Assert.Equal(13, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("not shown", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotation_messages_and_properties_are_escaped_so_no_text_can_end_the_command()
    {
        var result = new GateResult(ReportSamples.Root, "pg", [], [
            new Finding("DBG002", Level.Error, "100% broken\r\n::error::injected", new SourceLocation("a,b:c.sql", 1, 1), Details: ["detail"]),
        ], TimeSpan.Zero);

        var line = Assert.Single(Annotations(result));

        Assert.Equal("::error file=a%2Cb%3Ac.sql,line=1,col=1,title=DBG002 Down migration fails::100%25 broken%0A::error::injected%0Adetail", line);
    }

    [Fact]
    public void GitHub_outputs_give_counts_verdict_and_report_paths()
    {
        var outputs = GitHubRunner.Outputs(Many(1, 2, 0), new ReportContext { FailOn = Level.Error }, new ReportPaths(Sarif: "/t/x.sarif"));

        Assert.Equal("errors=1\nwarnings=2\nnotes=0\npassed=false\nsarif=/t/x.sarif\njunit=\njson=\nmarkdown=\n", outputs);
    }

    [Fact]
    public void MSBuild_lines_are_errors_at_fail_on_and_warnings_below_it_with_absolute_locations()
    {
        var result = Many(errors: 1, warnings: 1, notes: 1);

        var atWarning = new MsBuildReportWriter(ReportSamples.Context with { FailOn = Level.Warning }).Render(result).Split('\n');
        var atNone = new MsBuildReportWriter(ReportSamples.Context with { FailOn = Level.None }).Render(result).Split('\n');

        Assert.Equal($"{ReportSamples.Root}/m/1.down.sql(1,2): error DBG002: error 1", atWarning[0]);
        Assert.Equal($"{ReportSamples.Root}/m/1.up.sql(1,1): error DBG005: warning 1", atWarning[1]);
        Assert.Equal($"{ReportSamples.Root}/m/1.down.sql(1,1): note DBG006: note 1", atWarning[2]);
        Assert.Equal("DbGate failed - 1 error, 1 warning, 1 note over 0 steps in 1.00 s", atWarning[3]);
        Assert.StartsWith($"{ReportSamples.Root}/m/1.down.sql(1,2): warning DBG002:", atNone[0], StringComparison.Ordinal);
    }
}
