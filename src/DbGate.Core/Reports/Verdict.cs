using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>The one-word answer every report leads with.</summary>
internal enum Verdict
{
    Passed,
    Failed,

    /// <summary>The run was cut short, so a pass cannot be claimed even without findings.</summary>
    Incomplete,
}

internal static class Verdicts
{
    /// <summary>Said when a run was cut short for no recorded reason.</summary>
    public const string CutShort = "the run was cut short";

    /// <summary>"the run was cut short: why", for every report that explains an incomplete verdict.</summary>
    public static string WhyIncomplete(GateResult result) =>
        result.Interruption is { Length: > 0 } why ? $"{CutShort}: {why}" : CutShort;
}

internal static class VerdictExtensions
{
    /// <summary>Findings alone decide a failure: a failed step is reported through its rule, whose level the user may have lowered.</summary>
    public static Verdict VerdictAt(this GateResult result, Level failOn) =>
        !result.Complete ? Verdict.Incomplete
        : result.FailsAt(failOn) ? Verdict.Failed
        : Verdict.Passed;
}
