namespace DbGate.Core.Reports;

/// <summary>SGR colour codes; a painter with colour off returns text untouched, so one code path serves both.</summary>
internal readonly record struct Ansi(bool Enabled)
{
    public const string Red = "31";
    public const string Green = "32";
    public const string Yellow = "33";
    public const string Cyan = "36";
    public const string BoldRed = "1;31";
    public const string BoldGreen = "1;32";
    public const string BoldYellow = "1;33";
    public const string Dim = "2";

    public string Paint(string text, string code) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
