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
}

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
    IReadOnlyList<string> PostgresVersions);

internal sealed record JsonLocation(string Path, int Line, int Column, int? EndLine, int? EndColumn);
