using System.Globalization;
using System.Text.RegularExpressions;

namespace DbGate.Core.Rules;

/// <summary>
/// Reads the type names <c>format_type</c> prints (canonical for built-in types, so a name is the type): what a type is,
/// for the health checks, and whether a change of one ("character varying(50)" to text, "timestamp(3) with time zone")
/// reads and writes every value exactly as before, for the lint.
/// </summary>
internal static partial class ColumnTypes
{
    public static string Element(string type) => type.EndsWith("[]", StringComparison.Ordinal) ? Element(type[..^2]) : type;

    public static bool IsArray(string type) => type.EndsWith("[]", StringComparison.Ordinal);

    public static string WithoutModifiers(string type) => Modifiers().Replace(type, "");

    public static bool IsJson(string type) => Element(type) == "json";

    public static bool IsMoney(string type) => Element(type) == "money";

    public static bool IsTimestampWithoutTimeZone(string type) => WithoutModifiers(Element(type)) == "timestamp without time zone";

    public static bool IsTimeWithTimeZone(string type) => WithoutModifiers(Element(type)) == "time with time zone";

    /// <summary>char(n): blank-padded to n; unconstrained bpchar behaves like text and is not meant.</summary>
    public static bool IsFixedChar(string type) => Element(type).StartsWith("character(", StringComparison.Ordinal);

    public static bool IsVarcharWithLength(string type) => Element(type).StartsWith("character varying(", StringComparison.Ordinal);

    public static bool IsBoolean(string type) => type == "boolean";

    public static bool IsText(string type) =>
        WithoutModifiers(Element(type)) is "text" or "character varying" or "character" or "bpchar"
        || Element(type) == "citext" || Element(type).EndsWith(".citext", StringComparison.Ordinal);

    /// <summary>The largest value of an integer type; null for other types.</summary>
    public static long? IntegerMaximum(string type) => type switch
    {
        "smallint" => short.MaxValue,
        "integer" => int.MaxValue,
        "bigint" => long.MaxValue,
        _ => null,
    };

    /// <summary>reg* types store OIDs, which pg_upgrade cannot carry over (regclass, regtype and regrole it can).</summary>
    public static bool IsUnsupportedByUpgrade(string type) =>
        Element(type) is "regcollation" or "regconfig" or "regdictionary" or "regnamespace" or "regoper" or "regoperator" or "regproc" or "regprocedure";

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Modifiers();

    // Comparing two types, for the lint.

    private sealed record Parsed(string Base, int[]? Modifiers);

    /// <summary>Every value of <paramref name="before"/> reads the same in <paramref name="after"/>, and every write that
    /// worked still works: the same type with limits no tighter, or a string type without a limit.</summary>
    public static bool Compatible(string before, string after)
    {
        var (b, a) = (Parse(before), Parse(after));
        if (b.Base == a.Base)
            return Wider(b.Modifiers, a.Modifiers);
        return IsStringBase(b.Base) && IsStringBase(a.Base) && Suffix(b.Base) == Suffix(a.Base) && a.Modifiers is null;
    }

    /// <summary>The new type's limits are tighter: values the old one took may be rejected or rounded.</summary>
    public static bool Narrower(string before, string after)
    {
        var (b, a) = (Parse(before), Parse(after));
        return (b.Base == a.Base || (IsStringBase(b.Base) && IsStringBase(a.Base))) && !Wider(b.Modifiers, a.Modifiers);
    }

    public static bool IsTimestamp(string type) => Parse(type).Base.StartsWith("timestamp", StringComparison.Ordinal);

    public static bool HasTimeZone(string type) => Parse(type).Base.EndsWith("with time zone", StringComparison.Ordinal);

    private static bool Wider(int[]? before, int[]? after) =>
        after is null
        || (before is not null && after.Length == before.Length && after[0] >= before[0] && after.Skip(1).SequenceEqual(before.Skip(1)));

    private static bool IsStringBase(string baseName) => baseName.TrimEnd('[', ']') is "text" or "character varying";

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
