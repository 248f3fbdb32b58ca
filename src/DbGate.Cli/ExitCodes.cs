namespace DbGate.Cli;

/// <summary>The documented exit codes; a contract with every CI script that calls DbGate.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int Infrastructure = 3;

    /// <summary>A bug in DbGate itself: never expected, always worth a report.</summary>
    public const int Internal = 4;
}
