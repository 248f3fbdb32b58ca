using DbGate.Core.Results;

namespace DbGate.Core.Reports;

// DbGate's JSON report, schema version 1; docs/schemas/dbgate-report.schema.json documents every member.
// Adding a member is compatible; renaming, removing or retyping one bumps CurrentVersion.

internal sealed record JsonReport(
    int SchemaVersion,
    JsonTool Tool,
    string Server,
    bool Complete,
    string? Interruption,
    Verdict Verdict,
    Level FailOn,
    double DurationSeconds,
    JsonCounts Counts,
    IReadOnlyList<JsonStep> Steps,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<string> Notices)
{
    public const int CurrentVersion = 1;

    public string? RunAs { get; init; }

    public bool Privileged { get; init; }

    public JsonBaseline? Baseline { get; init; }
}

/// <param name="Accepted">How many findings the baseline accepted (not in findings).</param>
/// <param name="Stale">Fingerprints of entries no finding matched.</param>
internal sealed record JsonBaseline(string Path, int Accepted, IReadOnlyList<string> Stale);

internal sealed record JsonRelated(JsonLocation Location, string Message);

internal sealed record JsonTool(string Name, string Version);

internal sealed record JsonCounts(int Error, int Warning, int Note, int None);

internal sealed record JsonStep(string Migration, Phase Phase, Outcome Outcome, double DurationSeconds, string? Reason);

internal sealed record JsonFinding(
    string RuleId,
    Level Level,
    string Message,
    IReadOnlyList<string> Details,
    string? Migration,
    Phase? Phase,
    JsonLocation? Location,
    Uri? HelpUri,
    IReadOnlyList<string> PostgresVersions)
{
    public string? Subject { get; init; }

    public string Fingerprint { get; init; } = "";

    public IReadOnlyList<JsonRelated> RelatedLocations { get; init; } = [];
}

internal sealed record JsonLocation(string Path, int Line, int Column, int? EndLine, int? EndColumn);
