using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Reports.Hosts;

/// <summary>
/// What DbGate does when it runs as a GitHub Actions step (GITHUB_ACTIONS=true): annotations on stdout, the
/// Markdown summary appended to $GITHUB_STEP_SUMMARY, counts and report paths in $GITHUB_OUTPUT. The action stays
/// a thin wrapper, and a plain <c>run: dotnet dbgate check</c> step gets the same.
/// </summary>
public static class GitHubRunner
{
    public static bool IsActive => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    public static async Task PublishAsync(GateResult result, ReportContext context, ReportPaths reports, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        await stdout.WriteAsync(new GitHubAnnotationWriter(context).Render(result).AsMemory(), ct).ConfigureAwait(false);
        await stdout.FlushAsync(ct).ConfigureAwait(false);
        if (Variable("GITHUB_STEP_SUMMARY") is { } summary)
            await File.AppendAllTextAsync(summary, new MarkdownReportWriter(context).Render(result) + "\n", TextOutput.Utf8, ct).ConfigureAwait(false);
        if (Variable("GITHUB_OUTPUT") is { } outputs)
            await File.AppendAllTextAsync(outputs, Outputs(result, context, reports), TextOutput.Utf8, ct).ConfigureAwait(false);
    }

    internal static string Outputs(GateResult result, ReportContext context, ReportPaths reports)
    {
        var text = new StringBuilder();
        Add("errors", Formats.Number(result.Count(Level.Error)));
        Add("warnings", Formats.Number(result.Count(Level.Warning)));
        Add("notes", Formats.Number(result.Count(Level.Note)));
        Add("passed", result.VerdictAt(context.FailOn) == Verdict.Passed ? "true" : "false");
        Add("sarif", reports.Sarif ?? "");
        Add("junit", reports.JUnit ?? "");
        Add("json", reports.Json ?? "");
        Add("markdown", reports.Markdown ?? "");
        return text.ToString();

        void Add(string name, string value)
        {
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                // GitHub's multi-line form; a random delimiter cannot occur in the value.
                var delimiter = "dbgate_" + Guid.NewGuid().ToString("N");
                text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
            }
            else
            {
                text.Append(name).Append('=').Append(value).Append('\n');
            }
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
