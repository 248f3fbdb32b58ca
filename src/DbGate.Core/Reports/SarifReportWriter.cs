using System.Globalization;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>SARIF 2.1.0 shaped for GitHub code scanning (one run, repository-relative locations, capped results).</summary>
internal sealed class SarifReportWriter(ReportContext context, int maxResults = SarifReportWriter.GitHubMaxResults) : IReportWriter
{
    /// <summary>GitHub rejects a run with more results than this.</summary>
    public const int GitHubMaxResults = 25_000;

    private static readonly Uri SchemaUri = new("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");

    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ReportJson.WriteAsync(output, Build(result), ReportJson.Sarif, ct);
    }

    internal SarifLog Build(GateResult result)
    {
        var rules = new SarifRules(context.Rules, result.Findings);
        var locator = new SarifLocator(result.Findings, context.FallbackPath);
        var kept = KeepMostSevere(result.Findings);
        var results = kept.Select(f => ToResult(f, rules, locator)).ToList();
        var root = SarifUris.Root(result.RootPath);

        var run = new SarifRun(
            new SarifTool(new SarifDriver(ToolInfo.Name, context.ToolVersion, ToolInfo.InformationUri, rules.Descriptors)),
            [new SarifInvocation(result.Complete, Notifications(result, kept.Count, locator.Inferred))],
            root is null ? null : new Dictionary<string, SarifArtifactLocation> { [SarifUris.SourceRoot] = new(root) },
            results,
            "unicodeCodePoints",
            new SarifRunProperties(result.Server, result.Complete, Formats.SecondsValue(result.Duration), result.Findings.Count, kept.Count < result.Findings.Count) { RunAs = result.RunAs, Privileged = result.Privileged, AcceptedByBaseline = result.Baseline?.Accepted.Count });
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    /// <summary>Over the cap, errors outrank warnings and notes; ties keep their order, and the kept ones stay in result order.</summary>
    private List<Finding> KeepMostSevere(IReadOnlyList<Finding> findings) =>
        findings.Count <= maxResults
            ? [.. findings]
            : [.. findings.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Level).Take(maxResults).OrderBy(x => x.i).Select(x => x.f)];

    private static SarifResult ToResult(Finding finding, SarifRules rules, SarifLocator locator)
    {
        var (location, inferred) = locator.Locate(finding);
        var text = string.Join('\n', finding.Details.Prepend(finding.Message));
        var properties = finding.Migration is null && finding.Phase is null && !inferred
            ? null
            : new SarifResultProperties(
                finding.Migration, finding.Phase is { } p ? Formats.Name(p) : null, inferred ? true : null, finding.Versions.Count > 0 ? finding.Versions : null);
        return new SarifResult(
            finding.RuleId, rules.IndexOf(finding.RuleId), Formats.Name(finding.Level), new SarifMessage(text), [location], properties)
        {
            RelatedLocations = finding.Related.Count == 0 ? null
                : [.. finding.Related.Select((r, i) => new SarifRelatedLocation(i + 1, SarifLocator.Physical(r.Location), new SarifMessage(r.Message)))],
            PartialFingerprints = finding.Subject is null ? null : new Dictionary<string, string> { ["dbgateObject/v1"] = finding.Fingerprint },
        };
    }

    private List<SarifNotification>? Notifications(GateResult result, int kept, int inferred)
    {
        var notes = new List<SarifNotification>();
        if (!result.Complete)
            notes.Add(Note("error", $"{FindingText.Capital(Verdicts.WhyIncomplete(result))}. These results are what was seen before it stopped."));
        if (result.Privileged && result.RunAs is { } runAs)
            notes.Add(Note("warning", runAs));
        if (kept < result.Findings.Count)
            notes.Add(Note("warning", string.Create(CultureInfo.InvariantCulture,
                $"Showing {kept} of {result.Findings.Count} results, the most severe first: GitHub code scanning accepts at most {maxResults} per run.")));
        if (inferred > 0)
            notes.Add(Note("note", string.Create(CultureInfo.InvariantCulture,
                $"{inferred} result(s) had no location of their own and were anchored to a file of the same migration or to the configuration file.")));
        notes.AddRange(result.Notices.Select(notice => Note("note", notice)));
        return notes.Count == 0 ? null : notes;
    }


    private static SarifNotification Note(string level, string text) => new(level, new SarifMessage(text));
}
