using System.Text.RegularExpressions;

namespace DbGate.Core.Configuration;

/// <summary>Expands <c>${NAME}</c> in dbgate.yml values, so secrets stay in the CI's environment, not in the file.</summary>
internal static partial class EnvironmentReferences
{
    /// <summary>An unset or empty variable is an error: an empty connection string would quietly mean localhost.</summary>
    public static string Expand(string text, string what) =>
        Reference().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            return Environment.GetEnvironmentVariable(name) switch
            {
                null => throw new ConfigurationException($"{what} refers to ${{{name}}}, which is not set"),
                "" => throw new ConfigurationException($"{what} refers to ${{{name}}}, which is empty"),
                var value => value,
            };
        });

    /// <summary>The variables <paramref name="text"/> refers to, whose values are secrets for as long as the run lasts.</summary>
    public static IEnumerable<string> Names(string text) => Reference().Matches(text).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
