using System.Globalization;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>A Markdown summary for $GITHUB_STEP_SUMMARY: verdict, counts, a findings table, then details and steps folded away.</summary>
internal sealed class MarkdownReportWriter(ReportContext context, int maxBytes = MarkdownReportWriter.StepSummaryLimit) : IReportWriter
{
    /// <summary>Under GitHub's 1 MiB step-summary limit, leaving room for whatever else the job appends.</summary>
    public const int StepSummaryLimit = 1_000_000;

    public Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default) =>
        TextOutput.WriteAsync(output, Render(result), ct);

    internal string Render(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new MarkdownBudget(maxBytes);
        md.Append(Headline(result.VerdictAt(context.FailOn)) + "\n\n" + Counts(result) + "\n\n");
        if (!result.Complete && result.Interruption is { Length: > 0 } why)
            md.Append($"**Why:** {MarkdownText.Inline(why)}\n\n");
        if (result.Notices.Count > 0)
            md.Append(string.Concat(result.Notices.Select(n => $"> ℹ️ {MarkdownText.Inline(n)}\n")) + "\n");
        if (result.Privileged && result.RunAs is { } runAs)
            md.Append($"> [!WARNING]\n> {MarkdownText.Inline(runAs)}\n\n");

        // Most severe first, so that if the table must be cut it is the notes that go.
        var findings = result.Findings.OrderByDescending(f => f.Level).ToList();
        if (findings.Count > 0)
            new MarkdownFindings(md, context.Rules).Write(findings);
        if (result.Baseline is { } baseline)
            md.Append(BaselineNote(baseline));
        // Optional: under the size limit the findings matter more than the picture.
        if (result.ChangeDiagram is { } diagram)
            md.AppendWhileRoom([$"<details>\n<summary>Tables this change touched</summary>\n\n```mermaid\n{diagram}```\n\n</details>\n\n"]);
        if (result.Steps.Count > 0)
            WriteSteps(md, result.Steps);
        return md.ToString();
    }

    private static string Headline(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "## ✅ DbGate passed",
        Verdict.Failed => "## ❌ DbGate failed",
        _ => "## ⚠️ DbGate incomplete: " + Verdicts.CutShort,
    };

    private static string Counts(GateResult result)
    {
        var errors = Formats.Count(result.Count(Level.Error), "error");
        return string.Join(" · ",
            $"{(result.Count(Level.Error) > 0 ? $"**{errors}**" : errors)}, {Formats.Count(result.Count(Level.Warning), "warning")}, {Formats.Count(result.Count(Level.Note), "note")}",
            Formats.Count(result.Steps.Count, "step"),
            $"{Formats.Human(result.Duration)} on {MarkdownText.Inline(result.Server)}");
    }

    private static string BaselineNote(BaselineSummary baseline)
    {
        var note = $"{Formats.Count(baseline.Accepted.Count, "finding")} accepted by the baseline {MarkdownText.Code(baseline.Path)}.";
        if (baseline.Stale.Count > 0)
            note += $" {Formats.Number(baseline.Stale.Count)} {(baseline.Stale.Count == 1 ? "entry no longer matches" : "entries no longer match")} and can be removed: "
                + string.Join(", ", baseline.Stale.Select(MarkdownText.Code)) + ".";
        return note + "\n\n";
    }

    private static void WriteSteps(MarkdownBudget md, IReadOnlyList<StepResult> steps)
    {
        var tally = string.Join(", ", Enum.GetValues<Outcome>()
            .Select(o => (o, n: steps.Count(s => s.Outcome == o))).Where(x => x.n > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.n} {Formats.Name(x.o)}")));
        md.Append($"<details>\n<summary>Steps: {tally}</summary>\n\n| Migration | Phase | Outcome | Time |\n| --- | --- | --- | --- |\n");
        var shown = md.AppendWhileRoom(steps.Select(s =>
            $"| {MarkdownText.Inline(s.Migration)} | {Formats.Name(s.Phase)} | {Outcome(s)} | {(s.Outcome == Results.Outcome.Skipped ? "—" : Formats.Human(s.Duration))} |\n"));
        if (shown < steps.Count)
            md.Append($"\n_{Formats.Count(steps.Count - shown, "more step")} not shown: the summary is at its size limit._\n");
        md.Append("\n</details>\n");
    }

    private static string Outcome(StepResult step)
    {
        var outcome = step.Outcome == Results.Outcome.Failed ? "**failed**" : Formats.Name(step.Outcome);
        return step.Reason is null ? outcome : $"{outcome}: {MarkdownText.Inline(step.Reason)}";
    }
}
