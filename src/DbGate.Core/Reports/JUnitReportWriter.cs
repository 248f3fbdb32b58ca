using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>
/// JUnit XML valid against the Apache Ant schema: suite "migrations" has a test case per step (classname = migration,
/// name = phase); suite "findings" holds failing findings that belong to no step, and an error when the run was cut short.
/// Findings below the fail-on level are not failures; they are listed in their suite's system-out.
/// </summary>
internal sealed class JUnitReportWriter(ReportContext context) : IReportWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };

    public async Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), Build(result));
        var writer = XmlWriter.Create(output, Settings);
        await using (writer.ConfigureAwait(false))
        {
            await document.SaveAsync(writer, ct).ConfigureAwait(false);
        }
        await output.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    internal XElement Build(GateResult result)
    {
        var cases = new JUnitCases(result, context.FailOn);
        return new XElement("testsuites",
            Suite(0, "migrations", result, cases.StepCases, cases.StepNotes, Formats.Seconds(Sum(result.Steps))),
            Suite(1, "findings", result, cases.FindingCases, [.. result.Notices.Select(n => "notice: " + n), .. cases.FindingNotes], "0.000"));
    }

    private XElement Suite(int id, string name, GateResult result, IReadOnlyList<XElement> testCases, IReadOnlyList<string> notes, string time) =>
        new("testsuite",
            new XAttribute("name", name),
            new XAttribute("package", "dbgate"),
            new XAttribute("id", id),
            new XAttribute("timestamp", context.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", HostName()),
            new XAttribute("tests", testCases.Count),
            new XAttribute("failures", testCases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", testCases.Count(c => c.Element("error") is not null)),
            new XAttribute("skipped", testCases.Count(c => c.Element("skipped") is not null)),
            new XAttribute("time", time),
            new XElement("properties",
                Property("server", result.Server),
                Property("runAs", result.RunAs ?? ""),
                Property("complete", result.Complete ? "true" : "false"),
                Property("failOn", Formats.Name(context.FailOn)),
                Property("durationSeconds", Formats.Seconds(result.Duration))),
            testCases,
            new XElement("system-out", notes.Count == 0 ? "" : string.Join('\n', notes) + "\n"),
            new XElement("system-err", ""));

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", JUnitCases.Xml(value)));

    // xs:token with minLength 1; the schema's own documentation asks for 'localhost' when the name is unknown.
    private string HostName() => string.IsNullOrWhiteSpace(context.HostName) ? "localhost" : JUnitCases.Xml(context.HostName);

    private static TimeSpan Sum(IEnumerable<StepResult> steps) => steps.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);
}
