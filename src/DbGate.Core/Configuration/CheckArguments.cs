namespace DbGate.Core.Configuration;

/// <summary>What the user gave on the command line (or MSBuild or action inputs); null means "not given".</summary>
public sealed record CheckArguments(
    string? Path = null,
    string? ConfigFile = null,
    string? Provider = null,
    string? Connection = null,
    string? Image = null,
    string? Sarif = null,
    string? JUnit = null,
    string? Json = null,
    string? Markdown = null,
    string? FailOn = null,
    bool? Data = null,
    bool AllowExistingDatabase = false,
    string? Baseline = null,
    string? Timeout = null,
    string? Versions = null);
