using System.Globalization;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>Spellings shared by the writers, fixed to the invariant culture so reports read the same everywhere.</summary>
internal static class Formats
{
    public static string Name(Level level) => level.ToString().ToLowerInvariant();

    public static string Name(Phase phase) => phase.ToString().ToLowerInvariant();

    public static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>Seconds with a '.' and millisecond precision, as JUnit's xs:decimal wants.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static double SecondsValue(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);

    /// <summary>A short human reading: "12 ms" below a second, "3.21 s" above.</summary>
    public static string Human(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(duration.TotalMilliseconds)} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.00} s");

    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
