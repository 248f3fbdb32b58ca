using DbGate.Cli.Output;

namespace DbGate.Cli.Commands;

/// <summary>The options of <c>check</c> that shape the console and the --changed run rather than the gate itself.</summary>
internal sealed record CheckSettings(string? LogFormat = null, bool Quiet = false, bool Verbose = false, bool Changed = false, string? Base = null)
{
    /// <summary>Null for a full run; "" for --changed against the default base; else the base given.</summary>
    public string? ChangedSince => Base ?? (Changed ? "" : null);

    /// <summary>Parsed inside the run, so a bad --log-format is a one-line usage error like any other.</summary>
    public OutputSettings Output() => new(OutputSettings.ParseFormat(LogFormat), Quiet, Verbose);
}
