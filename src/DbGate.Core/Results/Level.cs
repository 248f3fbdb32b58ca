namespace DbGate.Core.Results;

/// <summary>How serious a finding is; the names and order follow SARIF's result levels.</summary>
public enum Level
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}
