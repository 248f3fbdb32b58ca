using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>The entry point for writing reports: pick a format, get a writer, or write straight to a file.</summary>
public static class ReportWriters
{
    public static IReportWriter Create(ReportFormat format, ReportContext? context = null)
    {
        context ??= new ReportContext();
        return format switch
        {
            ReportFormat.Sarif => new SarifReportWriter(context),
            ReportFormat.JUnit => new JUnitReportWriter(context),
            ReportFormat.Json => new JsonReportWriter(context),
            ReportFormat.Markdown => new MarkdownReportWriter(context),
            ReportFormat.Text => new TextReportWriter(context),
            ReportFormat.MsBuild => new Hosts.MsBuildReportWriter(context),
            ReportFormat.GitHubAnnotations => new Hosts.GitHubAnnotationWriter(context),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }

    /// <summary>
    /// Writes the report to <paramref name="path"/>, creating its folder and replacing any file there atomically: a
    /// reader, a crash or a concurrent run writing the same path sees the old report or the new one, never half of one.
    /// </summary>
    public static async Task WriteFileAsync(
        GateResult result, ReportFormat format, string path, ReportContext? context = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        var writer = Create(format, context);
        await AtomicFile.WriteAsync(fullPath, stream => writer.WriteAsync(result, stream, ct), ct).ConfigureAwait(false);
    }
}
