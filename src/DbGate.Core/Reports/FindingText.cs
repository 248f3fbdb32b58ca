using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>
/// A finding as lines of plain text, shared by the console and JUnit bodies: the compiler-style headline editors and
/// CI log matchers recognise, then the details indented beneath.
/// </summary>
internal static class FindingText
{
    public const string Indent = "    ";

    /// <summary>The text with its first letter upper case, to start a sentence with.</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Where the finding is, or failing that what it is about, so every headline starts with an origin.</summary>
    public static string Origin(Finding finding, bool msBuildStyle = false) =>
        finding.Location is { } at
            ? msBuildStyle ? $"{Clean(at.Path)}({Formats.Number(at.Line)},{Formats.Number(at.Column)})" : Clean(at.ToString())
            : Clean(finding.Migration ?? ToolInfo.Name.ToLowerInvariant());

    /// <summary>The message's first line after the origin; later lines join the details so the headline stays one line.</summary>
    public static string Headline(Finding finding, bool msBuildStyle = false, Func<Level, string, string>? paintLevel = null) =>
        $"{Origin(finding, msBuildStyle)}: {paintLevel?.Invoke(finding.Level, Formats.Name(finding.Level)) ?? Formats.Name(finding.Level)} {Clean(finding.RuleId)}: {MessageLines(finding)[0]}";

    /// <summary>The message's first line, without origin or level: for hosts that show those themselves.</summary>
    public static string FirstLine(Finding finding) => MessageLines(finding)[0];

    public static IEnumerable<string> DetailLines(Finding finding) =>
        MessageLines(finding).Skip(1).Concat(finding.Details.SelectMany(d => Clean(d).Split('\n')));

    public static string Block(Finding finding) =>
        string.Join('\n', DetailLines(finding).Select(line => Indent + line).Prepend(Headline(finding)));

    private static string[] MessageLines(Finding finding) => Clean(finding.Message).Split('\n');

    private static string Clean(string text) => ControlCharacters.Escape(text);
}
