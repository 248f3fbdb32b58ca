using System.Text.Json.Serialization;

namespace DbGate.Core.Reports;

// The subset of SARIF 2.1.0 DbGate writes; property names follow the schema through camelCase serialisation.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] Uri Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    SarifRunProperties Properties);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(string Name, string Version, Uri InformationUri, IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string? Name,
    SarifMessage ShortDescription,
    SarifMessage? FullDescription,
    SarifHelp? Help,
    Uri? HelpUri,
    SarifConfiguration? DefaultConfiguration,
    SarifTags? Properties);

internal sealed record SarifHelp(string Text, string Markdown);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifTags(IReadOnlyList<string> Tags);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    SarifResultProperties? Properties)
{
    /// <summary>The other statements involved; absent when there are none.</summary>
    public IReadOnlyList<SarifRelatedLocation>? RelatedLocations { get; init; }

    /// <summary>A stable key per object, so code scanning tracks an alert across edits that move its line.</summary>
    public IReadOnlyDictionary<string, string>? PartialFingerprints { get; init; }
}

internal sealed record SarifRelatedLocation(int Id, SarifPhysicalLocation PhysicalLocation, SarifMessage Message);

internal sealed record SarifMessage(string Text);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

internal sealed record SarifRegion(int StartLine, int StartColumn, int? EndLine = null, int? EndColumn = null);

internal sealed record SarifResultProperties(string? Migration, string? Phase, bool? LocationInferred, IReadOnlyList<string>? PostgresVersions = null);

internal sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifMessage Message);

internal sealed record SarifRunProperties(string Server, bool Complete, double DurationSeconds, int TotalResults, bool Truncated)
{
    /// <summary>Findings the baseline accepted, left out of the results.</summary>
    public int? AcceptedByBaseline { get; init; }

    public string? RunAs { get; init; }

    public bool Privileged { get; init; }
}
