using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace DbGate.Core.Configuration;

/// <summary>
/// Numbers in dbgate.yml, checked before YamlDotNet converts them: its own errors name a .NET type ("too large for
/// a UInt64") rather than the key, the range, or what was meant. Accepts at least what YamlDotNet does.
/// </summary>
internal static partial class ConfigNumbers
{
    /// <summary>What is wrong with <paramref name="value"/> as a <paramref name="type"/>, or null when nothing is (or the type is no number).</summary>
    public static string? Problem(Type type, string value)
    {
        if (type == typeof(int))
            return Whole(value, int.MinValue, int.MaxValue);
        if (type == typeof(long))
            return Whole(value, long.MinValue, long.MaxValue);
        if (type == typeof(double))
            return Real().IsMatch(value) ? null : "must be a number, such as 0.5 or 1e6";
        return null;
    }

    private static string? Whole(string value, BigInteger min, BigInteger max)
    {
        if (OtherBase().IsMatch(value))
            return null;
        if (!Decimal().IsMatch(value))
            return "must be a whole number";
        var number = BigInteger.Parse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return number < min || number > max ? $"must be a whole number from {min} to {max}" : null;
    }

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*$")]
    private static partial Regex Decimal();

    /// <summary>0x1F, 0o17, 0b101: YAML forms YamlDotNet reads; it reports their overflow itself.</summary>
    [GeneratedRegex(@"^[-+]?0(x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$")]
    private static partial Regex OtherBase();

    /// <summary>YAML 1.2's floats, and integers, which are numbers too.</summary>
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Real();
}
