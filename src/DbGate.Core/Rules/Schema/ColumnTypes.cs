using System.Text.RegularExpressions;

namespace DbGate.Core.Rules.Schema;

/// <summary>Reads the type names <c>format_type</c> prints (canonical for built-in types, so a name is the type).</summary>
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
}
