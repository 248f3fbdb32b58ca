namespace DbGate.Cli.Output;

/// <summary>How findings are printed: for people and CI logs, or in MSBuild's canonical form for the MSBuild package.</summary>
internal enum LogFormat
{
    Text,
    MsBuild,
}

/// <summary>What the console shows, from the options and the terminal.</summary>
internal sealed record OutputSettings(LogFormat Format, bool Quiet, bool Verbose)
{
    private static readonly bool NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Colour on stdout only on a terminal, never with NO_COLOR (https://no-color.org), never for MSBuild.</summary>
    public bool Colour => Format == LogFormat.Text && !Console.IsOutputRedirected && !NoColor;

    /// <summary>The live progress line: only where a person watches stderr.</summary>
    public bool LiveProgress => Format == LogFormat.Text && !Quiet && !Verbose && !Console.IsErrorRedirected;

    public static bool ErrorColour => !Console.IsErrorRedirected && !NoColor;

    public static LogFormat ParseFormat(string? text) => text switch
    {
        null or "text" => LogFormat.Text,
        "msbuild" => LogFormat.MsBuild,
        _ => throw new Core.Configuration.ConfigurationException($"--log-format must be text or msbuild (got '{text}')"),
    };
}
