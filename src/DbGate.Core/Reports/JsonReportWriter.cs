using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>DbGate's own JSON: the whole result, in a documented, versioned shape for other programs.</summary>
internal sealed class JsonReportWriter(ReportContext context) : IReportWriter
{
    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ReportJson.WriteAsync(output, Build(result), ReportJson.Report, ct);
    }

    internal JsonReport Build(GateResult result)
    {
        var helpUris = context.Rules.ToDictionary(r => r.Id, r => r.HelpUri, StringComparer.Ordinal);
        return new JsonReport(
            JsonReport.CurrentVersion,
            new JsonTool(ToolInfo.Name, context.ToolVersion),
            result.Server,
            result.Complete,
            result.Complete ? null : result.Interruption ?? Verdicts.CutShort,
            result.VerdictAt(context.FailOn),
            context.FailOn,
            Formats.SecondsValue(result.Duration),
            new JsonCounts(result.Count(Level.Error), result.Count(Level.Warning), result.Count(Level.Note), result.Count(Level.None)),
            [.. result.Steps.Select(s => new JsonStep(s.Migration, s.Phase, s.Outcome, Formats.SecondsValue(s.Duration), s.Reason))],
            [.. result.Findings.Select(f => new JsonFinding(
                f.RuleId, f.Level, f.Message, f.Details, f.Migration, f.Phase, ToJson(f.Location), helpUris.GetValueOrDefault(f.RuleId), f.Versions)
            {
                Subject = f.Subject,
                Fingerprint = f.Fingerprint,
                RelatedLocations = [.. f.Related.Select(r => new JsonRelated(ToJson(r.Location)!, r.Message))],
            })],
            result.Notices)
        {
            RunAs = result.RunAs,
            Privileged = result.Privileged,
            Baseline = result.Baseline is { } b ? new JsonBaseline(b.Path, b.Accepted.Count, b.Stale) : null,
        };
    }

    private static JsonLocation? ToJson(SourceLocation? at) =>
        at is null ? null : new JsonLocation(at.Path, at.Line, at.Column, at.EndLine, at.EndColumn);
}
