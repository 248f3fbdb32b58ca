using System.Globalization;
using System.Text.RegularExpressions;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// Reads two types as format_type prints them ("character varying(50)", "timestamp(3) with time zone") to tell a
/// change every client reads and writes exactly as before (a longer varchar, varchar to text, more precision) from
/// one they can see.
/// </summary>
internal static partial class ColumnTypes
{
    private sealed record Parsed(string Base, int[]? Modifiers);

    /// <summary>Every value of <paramref name="before"/> reads the same in <paramref name="after"/>, and every write that
    /// worked still works: the same type with limits no tighter, or a string type without a limit.</summary>
    public static bool Compatible(string before, string after)
    {
        var (b, a) = (Parse(before), Parse(after));
        if (b.Base == a.Base)
            return Wider(b.Modifiers, a.Modifiers);
        return IsText(b.Base) && IsText(a.Base) && Suffix(b.Base) == Suffix(a.Base) && a.Modifiers is null;
    }

    /// <summary>The new type's limits are tighter: values the old one took may be rejected or rounded.</summary>
    public static bool Narrower(string before, string after)
    {
        var (b, a) = (Parse(before), Parse(after));
        return (b.Base == a.Base || (IsText(b.Base) && IsText(a.Base))) && !Wider(b.Modifiers, a.Modifiers);
    }

    public static bool IsTimestamp(string type) => Parse(type).Base.StartsWith("timestamp", StringComparison.Ordinal);

    public static bool HasTimeZone(string type) => Parse(type).Base.EndsWith("with time zone", StringComparison.Ordinal);

    private static bool Wider(int[]? before, int[]? after) =>
        after is null
        || (before is not null && after.Length == before.Length && after[0] >= before[0] && after.Skip(1).SequenceEqual(before.Skip(1)));

    private static bool IsText(string baseName) => baseName.TrimEnd('[', ']') is "text" or "character varying";

    private static string Suffix(string baseName) => baseName[baseName.TrimEnd('[', ']').Length..];

    private static Parsed Parse(string type)
    {
        var match = Shape().Match(type);
        if (!match.Success)
            return new Parsed(type, null);
        var modifiers = match.Groups["args"].Success
            ? match.Groups["args"].Value.Split(',').Select(m => int.TryParse(m.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray()
            : null;
        return new Parsed((match.Groups["head"].Value.Trim() + " " + match.Groups["tail"].Value.Trim()).Trim().Replace(" []", "[]", StringComparison.Ordinal), modifiers);
    }

    [GeneratedRegex(@"^(?<head>[^()]*?)(?:\((?<args>[^)]*)\))?(?<tail>[^()]*)$")]
    private static partial Regex Shape();
}
