namespace DbGate.Core.Reports;

/// <summary>The report formats DbGate writes, all from the same <see cref="Results.GateResult"/>.</summary>
public enum ReportFormat
{
    /// <summary>SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.</summary>
    Sarif,

    /// <summary>JUnit XML (Apache Ant schema), for CI test-report tabs.</summary>
    JUnit,

    /// <summary>DbGate's own JSON, described by docs/schemas/dbgate-report.schema.json.</summary>
    Json,

    /// <summary>A Markdown summary, sized for GitHub's step summary.</summary>
    Markdown,

    /// <summary>Plain text for a terminal or a build log.</summary>
    Text,

    /// <summary>MSBuild's canonical <c>path(line,col): error DBG002: message</c> lines, for the MSBuild package.</summary>
    MsBuild,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…::</c>), at most ten of each kind, worst first.</summary>
    GitHubAnnotations,
}
