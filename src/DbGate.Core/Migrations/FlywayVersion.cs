using System.Numerics;

namespace DbGate.Core.Migrations;

/// <summary>
/// Orders versions as Flyway (and Evolve) do: '_' reads as '.', each part is a whole number, parts compare in turn,
/// and trailing zero parts do not count, so 1.10 comes after 1.9 and 1.0 is the same version as 1.
/// </summary>
internal sealed class FlywayVersion : IComparer<string>, IEqualityComparer<string>
{
    public static readonly FlywayVersion Instance = new();

    public static bool IsValid(string version) =>
        version.Length > 0 && version.Replace('_', '.').Split('.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

    public int Compare(string? x, string? y)
    {
        var a = Parts(x ?? "");
        var b = Parts(y ?? "");
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var order = (i < a.Count ? a[i] : BigInteger.Zero).CompareTo(i < b.Count ? b[i] : BigInteger.Zero);
            if (order != 0)
                return order;
        }
        return 0;
    }

    public bool Equals(string? x, string? y) => Compare(x, y) == 0;

    public int GetHashCode(string obj) => string.Join('.', Parts(obj)).GetHashCode(StringComparison.Ordinal);

    /// <summary>The version as Flyway prints it: parts joined by dots, trailing zero parts dropped.</summary>
    public static string Normalised(string version) => string.Join('.', Parts(version)) is { Length: > 0 } text ? text : "0";

    private static List<BigInteger> Parts(string version)
    {
        var parts = version.Replace('_', '.').Split('.', StringSplitOptions.RemoveEmptyEntries).Select(BigInteger.Parse).ToList();
        while (parts.Count > 0 && parts[^1].IsZero)
            parts.RemoveAt(parts.Count - 1);
        return parts;
    }
}
