namespace DbGate.Core.Migrations;

/// <summary>
/// Orders versions as the tools do: numerically when both are digits (so 9 comes before 10 whatever the
/// padding), ordinally otherwise.
/// </summary>
internal sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return string.CompareOrdinal(x, y);
        if (x.All(char.IsAsciiDigit) && y.All(char.IsAsciiDigit))
        {
            var a = x.TrimStart('0');
            var b = y.TrimStart('0');
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }
        return string.CompareOrdinal(x, y);
    }
}
