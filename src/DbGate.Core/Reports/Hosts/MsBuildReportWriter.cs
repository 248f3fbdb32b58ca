using System.Text;
using DbGate.Core.Results;

namespace DbGate.Core.Reports.Hosts;

/// <summary>
/// Findings in MSBuild's canonical form, <c>/abs/path(line,col): error DBG002: message</c>, which MSBuild, Visual Studio
/// and Rider turn into real errors and warnings that jump to the file. What fails the gate is an error, what does not
/// is a warning, and notes stay plain messages, so the build fails exactly when the gate does.
/// </summary>
internal sealed class MsBuildReportWriter(ReportContext context) : IReportWriter
{
    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default) =>
        TextOutput.WriteAsync(output, Render(result), ct);

    internal string Render(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var finding in result.Findings.OrderByDescending(f => f.Level))
        {
            text.Append(Origin(finding, result.RootPath)).Append(": ").Append(Category(finding.Level)).Append(' ')
                .Append(finding.RuleId).Append(": ").Append(Subject(finding)).Append(FindingText.FirstLine(finding)).Append('\n');
            foreach (var line in FindingText.DetailLines(finding))
                text.Append(FindingText.Indent).Append(line).Append('\n');
        }
        var verdict = result.VerdictAt(context.FailOn) switch
        {
            Verdict.Passed => "passed",
            Verdict.Failed => "failed",
            _ => "incomplete",
        };
        var counts = $"{Formats.Count(result.Count(Level.Error), "error")}, {Formats.Count(result.Count(Level.Warning), "warning")}, {Formats.Count(result.Count(Level.Note), "note")}";
        return text.Append($"DbGate {verdict} - {counts} over {Formats.Count(result.Steps.Count, "step")} in {Formats.Human(result.Duration)}\n").ToString();
    }

    private string Category(Level level) =>
        context.FailOn != Level.None && level >= context.FailOn ? "error"
        : level >= Level.Warning ? "warning"
        : "note"; // not a category MSBuild knows, so the line stays a message

    /// <summary>An absolute path, which every IDE resolves; without a location, the tool's name (a valid origin).</summary>
    private static string Origin(Finding finding, string root) =>
        finding.Location is { } at
            ? $"{Path.GetFullPath(Path.Combine(root, at.Path))}({Formats.Number(at.Line)},{Formats.Number(at.Column)})"
            : ToolInfo.Name;

    private static string Subject(Finding finding) =>
        finding.Location is null && finding.Migration is not null ? $"{ControlCharacters.Escape(finding.Migration)}: " : "";
}
