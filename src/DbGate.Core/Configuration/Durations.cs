using System.Globalization;
using System.Text.RegularExpressions;

namespace DbGate.Core.Configuration;

internal static partial class Durations
{
    /// <summary>"500ms", "30s", "5min", "1h", or a bare number of seconds.</summary>
    public static TimeSpan Parse(string text, string what)
    {
        var match = Duration().Match(text.Trim());
        if (!match.Success)
            throw new ConfigurationException($"{what} must be a duration such as 30s, 5min or 500ms (got '{text}')");
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "min" or "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)\s*(?<unit>ms|s|min|m|h)?$")]
    private static partial Regex Duration();
}
