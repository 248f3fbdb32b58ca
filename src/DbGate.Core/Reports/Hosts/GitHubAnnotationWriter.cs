using System.Text;
using DbGate.Core.Results;

namespace DbGate.Core.Reports.Hosts;

/// <summary>
/// Findings as GitHub workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), so they show on the
/// pull request's diff. GitHub keeps at most ten annotations of each kind per step and drops the rest silently:
/// the worst go first, and one notice says how many were left out and where to read them.
/// </summary>
internal sealed class GitHubAnnotationWriter(ReportContext context) : IReportWriter
{
    /// <summary>GitHub's limit per annotation kind and step.</summary>
    public const int PerKind = 10;

    private const int MaxMessageLength = 4000;

    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default) =>
        TextOutput.WriteAsync(output, Render(result), ct);

    internal string Render(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var left = new List<string>();
        Annotate(text, result, Level.Error, PerKind, left);
        Annotate(text, result, Level.Warning, PerKind, left);
        var noteCount = result.Count(Level.Note);
        // The summary notice is a notice too: keep one of the ten for it when something is left out.
        var noteRoom = left.Count > 0 || noteCount > PerKind ? PerKind - 1 : PerKind;
        Annotate(text, result, Level.Note, noteRoom, left);
        if (left.Count > 0)
            text.Append("::notice title=DbGate::").Append(Data($"{string.Join(", ", left)} not shown as annotations (GitHub keeps {PerKind} of each per step): see the job summary")).Append('\n');
        return text.ToString();
    }

    private void Annotate(StringBuilder text, GateResult result, Level level, int room, List<string> left)
    {
        var findings = result.Findings.Where(f => f.Level == level).ToList();
        foreach (var finding in findings.Take(room))
            text.Append(Command(finding)).Append('\n');
        if (findings.Count > room)
            left.Add(Formats.Count(findings.Count - room, $"more {Formats.Name(level)}"));
    }

    private string Command(Finding finding)
    {
        var properties = new List<string>();
        if (finding.Location is { } at)
        {
            properties.Add("file=" + Property(at.Path));
            properties.Add("line=" + Formats.Number(at.Line));
            properties.Add("col=" + Formats.Number(at.Column));
            if (at.EndLine is { } endLine)
                properties.Add("endLine=" + Formats.Number(endLine));
            if (at.EndColumn is { } endColumn && at.EndLine == at.Line)
                properties.Add("endColumn=" + Formats.Number(endColumn));
        }
        var title = context.Rules.FirstOrDefault(r => r.Id == finding.RuleId)?.Title;
        properties.Add("title=" + Property(title is null ? finding.RuleId : $"{finding.RuleId} {title}"));
        var message = string.Join('\n', FindingText.DetailLines(finding).Prepend(FindingText.FirstLine(finding)));
        if (message.Length > MaxMessageLength)
            message = message[..MaxMessageLength] + " …";
        if (finding.Location is null && finding.Migration is not null)
            message = $"{finding.Migration}: {message}";
        return $"::{Kind(finding.Level)} {string.Join(',', properties)}::{Data(message)}";
    }

    private static string Kind(Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        _ => "notice",
    };

    /// <summary>GitHub's escaping for a command's message: a newline cannot end the command early.</summary>
    internal static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Properties are also split on ',' and ended by ':'.</summary>
    internal static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
