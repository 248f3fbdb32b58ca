using System.Text.RegularExpressions;

namespace DbGate.Core.Configuration;

/// <summary>Expands <c>${NAME}</c> in dbgate.yml values, so secrets stay in the CI's environment, not in the file.</summary>
internal static partial class EnvironmentReferences
{
    public static string Expand(string text, string what) =>
        Reference().Replace(text, match =>
            Environment.GetEnvironmentVariable(match.Groups["name"].Value)
            ?? throw new ConfigurationException($"{what} refers to ${{{match.Groups["name"].Value}}}, which is not set"));

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
