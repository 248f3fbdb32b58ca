namespace DbGate.Core.Reports;

/// <summary>How the console report looks. The defaults are plain and deterministic; the CLI opts into colour.</summary>
public sealed record TextReportOptions
{
    /// <summary>Paint outcomes and levels with ANSI colours; only for a terminal (see <see cref="ColourWanted"/>).</summary>
    public bool Colour { get; init; }

    /// <summary>Write locations as <c>path(line,col)</c>, the form MSBuild turns into errors, instead of <c>path:line:col</c>.</summary>
    public bool MsBuildLocations { get; init; }

    /// <summary>The per-step table; the CLI shows it only with --verbose or when the run fails.</summary>
    public bool ShowSteps { get; init; } = true;

    /// <summary>The closing verdict line; --quiet leaves it out, so only findings remain.</summary>
    public bool ShowSummary { get; init; } = true;

    /// <summary>Colour only a terminal, and honour NO_COLOR (https://no-color.org): any non-empty value turns it off.</summary>
    public static bool ColourWanted(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);

    /// <summary>Options for writing to this process's standard output.</summary>
    public static TextReportOptions ForConsole() =>
        new() { Colour = ColourWanted(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR")) };
}
