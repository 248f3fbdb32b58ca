namespace DbGate.Core.Results;

/// <summary>Everything one run of the gate established: the single model all report writers read.</summary>
/// <param name="RootPath">Absolute path that finding locations are relative to.</param>
/// <param name="Server">The PostgreSQL that ran the migrations, for example "PostgreSQL 15.18 (local)".</param>
/// <param name="Complete">False when the run was cut short (cancelled, server lost); the findings are what was seen.</param>
/// <param name="Interruption">Why the run was cut short, in one line; null when it was not.</param>
public sealed record GateResult(
    string RootPath,
    string Server,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<Finding> Findings,
    TimeSpan Duration,
    bool Complete = true,
    string? Interruption = null)
{
    /// <summary>What the run did not do as the tool would, or could not apply (the round trip of a forward-only tool), one line each, said once.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Whom the migrations ran as and with what rights, in words (least privilege, or a superuser by opt-in).</summary>
    public string? RunAs { get; init; }

    /// <summary>True when the migrations ran with more than least privilege, which every report says loudly.</summary>
    public bool Privileged { get; init; }

    /// <summary>With a baseline file: the findings it accepted (not in <see cref="Findings"/>) and its entries nothing matched.</summary>
    public BaselineSummary? Baseline { get; init; }

    /// <summary>A Mermaid erDiagram of the tables the change touched, for the Markdown summary; null when none.</summary>
    public string? ChangeDiagram { get; init; }

    public int Count(Level level) => Findings.Count(f => f.Level == level);

    /// <summary>True when some finding is at or above <paramref name="failOn"/>; <see cref="Level.None"/> never fails.</summary>
    public bool FailsAt(Level failOn) => failOn != Level.None && Findings.Any(f => f.Level >= failOn);
}

/// <param name="Path">The baseline file, relative to the project root.</param>
/// <param name="Accepted">Findings the baseline lists: reported as accepted, never failing the run.</param>
/// <param name="Stale">Entries no finding matched any more (fixed since): delete them so the file shrinks.</param>
public sealed record BaselineSummary(string Path, IReadOnlyList<Finding> Accepted, IReadOnlyList<string> Stale);
