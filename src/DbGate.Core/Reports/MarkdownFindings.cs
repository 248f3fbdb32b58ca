using DbGate.Core.Results;
using DbGate.Core.Rules;

namespace DbGate.Core.Reports;

/// <summary>The findings part of the Markdown summary: one table row each, and the longer details folded beneath.</summary>
internal sealed class MarkdownFindings(MarkdownBudget md, IEnumerable<RuleDescriptor> rules)
{
    private readonly Dictionary<string, Uri> _helpUris = rules.ToDictionary(r => r.Id, r => r.HelpUri, StringComparer.Ordinal);

    public void Write(IReadOnlyList<Finding> findings)
    {
        md.Append("| Level | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
        var shown = md.AppendWhileRoom(findings.Select(Row));
        if (shown < findings.Count)
        {
            md.Append($"\n_{Formats.Count(findings.Count - shown, "more finding")} not shown: the summary is at its size limit. The SARIF and JSON reports have them all._\n");
            return;
        }

        var detailed = findings.Where(f => f.Details.Count > 0).ToList();
        if (detailed.Count == 0)
            return;
        md.Append($"\n<details>\n<summary>Details of {Formats.Count(detailed.Count, "finding")}</summary>\n\n");
        var written = md.AppendWhileRoom(detailed.Select(Details));
        if (written < detailed.Count)
            md.Append($"_Details of {Formats.Count(detailed.Count - written, "more finding")} not shown: the summary is at its size limit._\n\n");
        md.Append("</details>\n\n");
    }

    private string Row(Finding finding) =>
        $"| {Formats.Name(finding.Level)} | {Rule(finding.RuleId)} | {Where(finding)} | {MarkdownText.Inline(finding.Message)} |\n";

    private static string Details(Finding finding) =>
        $"**{MarkdownText.Inline(finding.RuleId)}** {Where(finding)}: {MarkdownText.Inline(finding.Message)}\n\n"
        + string.Concat(finding.Details.Select(d => $"- {MarkdownText.Inline(d)}\n")) + "\n";

    private string Rule(string id) =>
        _helpUris.TryGetValue(id, out var help) ? $"[{MarkdownText.Inline(id)}]({help.AbsoluteUri})" : MarkdownText.Inline(id);

    private static string Where(Finding finding) =>
        finding.Location is { } at ? MarkdownText.Code(at.ToString())
        : finding.Migration is { } migration ? MarkdownText.Inline(migration)
        : "—";
}
