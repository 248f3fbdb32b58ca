using System.Text;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>
/// The console report: a line per migration with its phases, then each finding as <c>path:line:col: error DBG002: message</c>
/// with its details indented, then a one-line verdict.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private readonly ReportContext _context;
    private readonly TextReportOptions _options;
    private readonly Ansi _ansi;

    public TextReportWriter(ReportContext? context = null, TextReportOptions? options = null)
    {
        _context = context ?? new ReportContext();
        _options = options ?? new TextReportOptions();
        _ansi = new Ansi(_options.Colour);
    }

    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default) =>
        TextOutput.WriteAsync(output, Render(result), ct);

    public async Task WriteAsync(GateResult result, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Render(result).AsMemory(), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    internal string Render(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var migrations = _options.ShowSteps ? result.Steps.GroupBy(s => s.Migration, StringComparer.Ordinal).ToList() : [];
        var width = migrations.Count == 0 ? 0 : Math.Min(40, migrations.Max(g => Clean(g.Key).Length));
        foreach (var migration in migrations)
            text.Append(Clean(migration.Key).PadRight(width)).Append("  ").AppendJoin(", ", migration.Select(Phase)).Append('\n');

        if (result.Findings.Count > 0 && migrations.Count > 0)
            text.Append('\n');
        foreach (var finding in result.Findings)
            AppendFinding(text, finding);
        if (result.Notices.Count > 0)
            text.Append('\n');
        foreach (var notice in result.Notices)
            text.Append(_ansi.Paint("notice", Ansi.Cyan)).Append(": ").Append(Clean(notice)).Append('\n');

        if (result.Privileged && result.RunAs is { } runAs)
            text.Append(text.Length > 0 ? "\n" : "").Append(_ansi.Paint(Clean(runAs), Ansi.BoldYellow)).Append('\n');
        if (result.Baseline is { } baseline)
            AppendBaseline(text, baseline);
        if (!_options.ShowSummary)
            return text.ToString();
        if (text.Length > 0)
            text.Append('\n');
        return text.Append(Summary(result)).Append('\n').ToString();
    }

    private string Phase(StepResult step) => step.Outcome switch
    {
        Outcome.Passed => $"{Formats.Name(step.Phase)} {_ansi.Paint("passed", Ansi.Green)} {Formats.Human(step.Duration)}",
        Outcome.Failed => $"{Formats.Name(step.Phase)} {_ansi.Paint("FAILED", Ansi.BoldRed)} {Formats.Human(step.Duration)}",
        _ => _ansi.Paint($"{Formats.Name(step.Phase)} skipped", Ansi.Dim),
    };

    private void AppendFinding(StringBuilder text, Finding finding)
    {
        text.Append(FindingText.Headline(finding, _options.MsBuildLocations, (level, name) => _ansi.Paint(name, LevelColour(level)))).Append('\n');
        foreach (var line in FindingText.DetailLines(finding))
            text.Append(FindingText.Indent).Append(line).Append('\n');
    }

    private static void AppendBaseline(StringBuilder text, BaselineSummary baseline)
    {
        text.Append('\n').Append(Formats.Count(baseline.Accepted.Count, "finding")).Append(" accepted by the baseline ").Append(Clean(baseline.Path)).Append('\n');
        foreach (var stale in baseline.Stale)
            text.Append(FindingText.Indent).Append("stale entry (nothing matches it any more; remove it): ").Append(Clean(stale)).Append('\n');
    }

    private string Summary(GateResult result)
    {
        var parts = new List<string> { Formats.Count(result.Steps.Count, "step"), Formats.Count(result.Count(Level.Error), "error"), Formats.Count(result.Count(Level.Warning), "warning") };
        if (result.Count(Level.Note) > 0)
            parts.Add(Formats.Count(result.Count(Level.Note), "note"));
        var verdict = result.VerdictAt(_context.FailOn) switch
        {
            Verdict.Passed => _ansi.Paint("PASSED", Ansi.BoldGreen),
            Verdict.Failed => _ansi.Paint("FAILED", Ansi.BoldRed),
            _ => _ansi.Paint("INCOMPLETE", Ansi.BoldYellow) + $" ({Clean(Verdicts.WhyIncomplete(result))})",
        };
        return $"{string.Join(", ", parts)} in {Formats.Human(result.Duration)} — {verdict}";
    }

    private static string LevelColour(Level level) => level switch
    {
        Level.Error => Ansi.Red,
        Level.Warning => Ansi.Yellow,
        _ => Ansi.Cyan,
    };

    private static string Clean(string text) => ControlCharacters.Escape(text).Replace('\n', ' ');
}
