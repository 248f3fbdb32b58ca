using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>Flyway's <c>${name}</c> placeholders (and Liquibase's changelog properties), replaced before the SQL is split.</summary>
internal static partial class Placeholders
{
    /// <param name="strict">Flyway refuses a script with a placeholder it has no value for; Liquibase leaves it as written.</param>
    /// <param name="file">For the error: the script's path relative to the project.</param>
    public static string Replace(string text, IReadOnlyDictionary<string, string> values, bool strict, string file) =>
        Reference().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
                return value;
            if (!strict)
                return match.Value;
            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            throw new ConfigurationException($"{file}:{line}: no value for placeholder ${{{name}}}; set it under placeholders: in dbgate.yml or in the Flyway configuration");
        });

    /// <summary>The placeholders still referenced in <paramref name="text"/>: those Replace left for want of a value.</summary>
    public static IEnumerable<string> Unset(string text) => Reference().Matches(text).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_.:\-]+)\}")]
    private static partial Regex Reference();
}
