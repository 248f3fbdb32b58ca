using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>A report file that could not be written, and why, without the temporary file's name.</summary>
public sealed record ReportFileFailure(string Format, string Path, string Reason);

/// <summary>
/// Writes every report file a run asked for. One that cannot be written costs only itself: the others are still
/// written, and the caller learns which file failed and why.
/// </summary>
public static class ReportFiles
{
    public static async Task<IReadOnlyList<ReportFileFailure>> WriteAsync(GateResult result, ReportPaths paths, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var failures = new List<ReportFileFailure>();
        foreach (var (format, name, path) in new[]
        {
            (ReportFormat.Sarif, "SARIF", paths.Sarif), (ReportFormat.JUnit, "JUnit", paths.JUnit),
            (ReportFormat.Json, "JSON", paths.Json), (ReportFormat.Markdown, "Markdown", paths.Markdown),
        })
        {
            if (path is null)
                continue;
            try
            {
                // Not cancellable: a cancelled run still leaves its reports behind.
                await ReportWriters.WriteFileAsync(result, format, path, context, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new ReportFileFailure(name, path, Reason(e, path)));
            }
        }
        return failures;
    }

    /// <summary>.NET's message, without the path it often quotes: whoever shows the failure names the file already.</summary>
    private static string Reason(Exception e, string path)
    {
        var message = e.Message.Split('\n')[0].Trim();
        foreach (var quoted in new[] { $" : '{path}'", $": '{path}'", $" '{path}'" })
            message = message.Replace(quoted, "", StringComparison.Ordinal);
        return message;
    }
}
