namespace DbGate.Core.Reports;

/// <summary>
/// Artifact URIs for SARIF: relative to %SRCROOT% so GitHub maps them onto the repository, '/'-separated and
/// percent-encoded per segment so spaces and non-ASCII names survive as valid URI references.
/// </summary>
internal static class SarifUris
{
    public const string SourceRoot = "%SRCROOT%";

    public static string Relative(string path)
    {
        var normalised = path.Replace('\\', '/');
        while (normalised.StartsWith("./", StringComparison.Ordinal))
            normalised = normalised[2..];
        return string.Join('/', normalised.TrimStart('/').Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The file: URI of the root, ending in '/' as SARIF requires of a base; null when the root is not absolute.</summary>
    public static string? Root(string rootPath)
    {
        if (string.IsNullOrEmpty(rootPath) || !Path.IsPathFullyQualified(rootPath))
            return null;
        var segments = rootPath.Replace('\\', '/').Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var encoded = segments.Select((s, i) => i == 0 && IsDriveLetter(s) ? s : Uri.EscapeDataString(s));
        return "file:///" + string.Concat(encoded.Select(s => s + "/"));
    }

    private static bool IsDriveLetter(string segment) => segment is [_, ':'] && char.IsAsciiLetter(segment[0]);
}
