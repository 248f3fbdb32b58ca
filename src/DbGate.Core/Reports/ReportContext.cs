using DbGate.Core.Results;
using DbGate.Core.Rules;

namespace DbGate.Core.Reports;

/// <summary>
/// What a report needs to know that the <see cref="GateResult"/> does not hold: facts about this invocation
/// rather than about the migrations. Tests pin every field so the output is byte-for-byte repeatable.
/// </summary>
public sealed record ReportContext
{
    /// <summary>DbGate's version as reports state it; defaults to this assembly's informational version.</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>When the run started; JUnit requires it. Pass the gate's own start time where known.</summary>
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The machine the run happened on; JUnit requires it.</summary>
    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>The level at which findings fail the gate; decides verdicts and which findings are JUnit failures.</summary>
    public Level FailOn { get; init; } = Level.Error;

    /// <summary>Rule metadata for descriptions and help links; defaults to the embedded catalog.</summary>
    public IReadOnlyCollection<RuleDescriptor> Rules { get; init; } = RuleCatalog.All;

    /// <summary>
    /// Where SARIF anchors a finding that has no location of its own and no other finding of its migration to borrow
    /// one from: GitHub code scanning rejects a whole upload when any result lacks a file.
    /// </summary>
    public string FallbackPath { get; init; } = "dbgate.yml";
}
