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

    public int Count(Level level) => Findings.Count(f => f.Level == level);

    /// <summary>True when some finding is at or above <paramref name="failOn"/>; <see cref="Level.None"/> never fails.</summary>
    public bool FailsAt(Level failOn) => failOn != Level.None && Findings.Any(f => f.Level >= failOn);
}
