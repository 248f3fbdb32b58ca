using System.Globalization;
using System.Xml.Linq;
using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Tests.Reports;

public sealed class JUnitReportTests
{
    [Theory]
    [MemberData(nameof(Results))]
    public async Task Output_is_valid_against_the_strict_schema(string name)
    {
        var xml = await ReportSamples.WriteAsync(ReportFormat.JUnit, Sample(name));

        Assert.Empty(JUnitSchema.Validate(xml));
    }

    public static TheoryData<string> Results() => ["representative", "clean", "incomplete", "many"];

    [Fact]
    public async Task A_suite_without_hostname_fails_validation()
    {
        var document = XDocument.Parse(await ReportSamples.WriteAsync(ReportFormat.JUnit, ReportSamples.Representative()));
        document.Root!.Element("testsuite")!.Attribute("hostname")!.Remove();

        Assert.Contains(JUnitSchema.Validate(document.ToString()), p => p.Contains("hostname", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validation_rejects_a_document_the_schema_does_not_declare()
    {
        Assert.NotEmpty(JUnitSchema.Validate("<testrun/>"));
        Assert.NotEmpty(JUnitSchema.Validate((await ReportSamples.WriteAsync(ReportFormat.JUnit, ReportSamples.Clean())).Replace("timestamp=\"2026-01-02T01:04:05\"", "timestamp=\"2026-01-02T01:04:05Z\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_step_is_a_test_case_and_its_findings_are_its_failure()
    {
        var suite = (await SuitesAsync(ReportSamples.Representative()))[0];
        var cases = suite.Elements("testcase").ToList();
        var down = cases[4];
        var failure = down.Element("failure")!;

        Assert.Equal(("migrations", "9", "1", "1", "0"), (Attr(suite, "name"), Attr(suite, "tests"), Attr(suite, "failures"), Attr(suite, "skipped"), Attr(suite, "errors")));
        Assert.Equal(("0002 add email", "down", "0.003"), (Attr(down, "classname"), Attr(down, "name"), Attr(down, "time")));
        Assert.Equal(("DBG002", "Down migration fails: column \"email\" of relation \"users\" does not exist"), (Attr(failure, "type"), Attr(failure, "message")));
        Assert.StartsWith("migrations/0002 add email/down.sql:3:1: error DBG002:", failure.Value, StringComparison.Ordinal);
        Assert.Contains("\n    SQLSTATE 42703\n", failure.Value, StringComparison.Ordinal);
        Assert.Equal("down failed", Attr(cases[5].Element("skipped")!, "message"));
        Assert.Equal("2026-01-02T01:04:05", Attr(suite, "timestamp"));
        Assert.Equal("ci-runner", Attr(suite, "hostname"));
    }

    [Fact]
    public async Task Findings_below_fail_on_are_listed_in_system_out_not_failed()
    {
        var suites = await SuitesAsync(ReportSamples.Representative());

        Assert.Null(suites[0].Elements("testcase").ElementAt(6).Element("failure"));
        Assert.Contains("warning DBG010", suites[0].Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Equal(("findings", "0"), (Attr(suites[1], "name"), Attr(suites[1], "tests")));
        Assert.Contains("note DBG011", suites[1].Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_step_whose_rule_was_lowered_below_fail_on_is_not_a_failure()
    {
        var result = ReportSamples.Representative();
        var lowered = result with { Findings = [result.Findings[0] with { Level = Level.Warning }] };

        var suite = (await SuitesAsync(lowered))[0];

        Assert.Equal("0", Attr(suite, "failures"));
        Assert.Contains("warning DBG002", suite.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_step_no_rule_spoke_for_fails_with_its_reason()
    {
        var result = ReportSamples.Representative() with { Findings = [] };

        var failure = (await SuitesAsync(result))[0].Elements("testcase").ElementAt(4).Element("failure")!;

        Assert.Equal(("step-failed", "column \"email\" does not exist"), (Attr(failure, "type"), Attr(failure, "message")));
    }

    [Fact]
    public async Task Findings_outside_any_step_and_an_incomplete_run_go_to_the_findings_suite()
    {
        var suite = (await SuitesAsync(ReportSamples.Incomplete()))[1];
        var cases = suite.Elements("testcase").ToList();

        Assert.Equal(("2", "1", "1"), (Attr(suite, "tests"), Attr(suite, "failures"), Attr(suite, "errors")));
        Assert.Equal(("0001_create_users", "DBG001"), (Attr(cases[0], "classname"), Attr(cases[0], "name")));
        Assert.Equal("incomplete", Attr(cases[1].Element("error")!, "type"));
    }

    [Fact]
    public async Task Control_characters_become_visible_escapes_and_markup_stays_text()
    {
        var failure = (await SuitesAsync(ReportSamples.Incomplete()))[1].Element("testcase")!.Element("failure")!;

        Assert.StartsWith("Up failed: <b>&amp;</b> | `code`", Attr(failure, "message"), StringComparison.Ordinal);
        Assert.Contains("\\u001B[31mred\\u001B[0m \\u0001\\u000B\uFFFD end", Attr(failure, "message"), StringComparison.Ordinal);
        Assert.Contains("bell\\u0007 <tag> & \"quote\"", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_use_a_decimal_point_whatever_the_culture()
    {
        // The build runs with invariant globalization, so make a culture with a decimal comma by hand.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            var suite = (await SuitesAsync(ReportSamples.Representative()))[0];
            Assert.Equal("2.614", Attr(suite, "time"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task An_unknown_host_is_written_as_localhost()
    {
        var writer = ReportWriters.Create(ReportFormat.JUnit, ReportSamples.Context with { HostName = " " });
        var xml = await ReportSamples.WriteAsync(writer, ReportSamples.Clean());

        Assert.Equal("localhost", Attr(XDocument.Parse(xml).Root!.Element("testsuite")!, "hostname"));
    }

    private static GateResult Sample(string name) => name switch
    {
        "representative" => ReportSamples.Representative(),
        "clean" => ReportSamples.Clean(),
        "incomplete" => ReportSamples.Incomplete(),
        _ => ReportSamples.Many(300),
    };

    private static async Task<List<XElement>> SuitesAsync(GateResult result) =>
        [.. XDocument.Parse(await ReportSamples.WriteAsync(ReportFormat.JUnit, result)).Root!.Elements("testsuite")];

    private static string Attr(XElement element, string name) => element.Attribute(name)!.Value;
}
