namespace DbGate.Tests.CrossCheck;

/// <summary>How one dump differs from the one expected.</summary>
/// <param name="Missing">Statements of the expected dump that the actual one lacks.</param>
/// <param name="Unexpected">Statements of the actual dump that the expected one lacks.</param>
internal sealed record DumpComparison(IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected)
{
    public bool Equal => Missing.Count == 0 && Unexpected.Count == 0;

    /// <summary>
    /// True when every difference is a CREATE TABLE printed with the same lines in another order: the same
    /// table with the same columns, in another order (pg_dump prints one column per line, in attnum order).
    /// </summary>
    public bool OnlyColumnOrder =>
        !Equal
        && Missing.Count == Unexpected.Count
        && Missing.All(IsCreateTable)
        && Missing.Select(SortedLines).Order(StringComparer.Ordinal).SequenceEqual(Unexpected.Select(SortedLines).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// One entry per differing object for a reader: "- statement" missing, "+ statement" unexpected, and
    /// "~ first line: -line +line" for a statement printed on both sides with different lines.
    /// </summary>
    public string Summary
    {
        get
        {
            var changed = Missing.Select(FirstLine).Intersect(Unexpected.Select(FirstLine), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            var entries = changed.Order(StringComparer.Ordinal).Select(first => Changed(first, Missing.First(s => FirstLine(s) == first), Unexpected.First(s => FirstLine(s) == first)))
                .Concat(Missing.Where(s => !changed.Contains(FirstLine(s))).Select(s => "- " + Shortened(s)))
                .Concat(Unexpected.Where(s => !changed.Contains(FirstLine(s))).Select(s => "+ " + Shortened(s)));
            return string.Join(" | ", entries);
        }
    }

    private static string Changed(string firstLine, string expected, string actual)
    {
        var before = Lines(expected).Skip(1).ToList();
        var after = Lines(actual).Skip(1).ToList();
        var lines = before.Except(after, StringComparer.Ordinal).Select(l => "-" + l).Concat(after.Except(before, StringComparer.Ordinal).Select(l => "+" + l)).ToList();
        return $"~ {firstLine.Trim()}: {(lines.Count == 0 ? "same lines in another order" : string.Join(", ", lines))}";
    }

    private static bool IsCreateTable(string statement) =>
        statement.StartsWith("CREATE TABLE ", StringComparison.Ordinal) || statement.StartsWith("CREATE UNLOGGED TABLE ", StringComparison.Ordinal);

    /// <summary>A statement's lines, trimmed and without the commas that separate them.</summary>
    private static IEnumerable<string> Lines(string statement) => statement.Split('\n').Select(line => line.Trim().TrimEnd(','));

    /// <summary>The same for any order of the lines, so for any column order.</summary>
    private static string SortedLines(string statement) => string.Join('\n', Lines(statement).Order(StringComparer.Ordinal));

    private static string FirstLine(string statement) => statement.Split('\n')[0];

    private static string Shortened(string statement)
    {
        var line = string.Join(' ', statement.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
