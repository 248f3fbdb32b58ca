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

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder and replacing any file there.</summary>
    public static async Task WriteFileAsync(
        GateResult result, ReportFormat format, string path, ReportContext? context = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var stream = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await Create(format, context).WriteAsync(result, stream, ct).ConfigureAwait(false);
        }
    }
}
