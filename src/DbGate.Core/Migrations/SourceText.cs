using System.Text;

namespace DbGate.Core.Migrations;

/// <summary>
/// Cuts a script out of a file that holds more (a dbmate section, a Liquibase changeset or rollback line) without
/// moving it: everything outside the kept ranges becomes spaces, line breaks stay, so the splitter's lines and columns
/// are the file's and no position ever needs mapping back.
/// </summary>
internal static class SourceText
{
    /// <param name="ranges">Character ranges of <paramref name="text"/> to keep, in any order.</param>
    public static string Keep(string text, IEnumerable<(int Start, int End)> ranges)
    {
        var kept = new bool[text.Length];
        foreach (var (start, end) in ranges)
            Array.Fill(kept, true, start, end - start);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
            result.Append(kept[i] || text[i] is '\n' or '\r' ? text[i] : ' ');
        return result.ToString();
    }

    /// <summary>The lines <paramref name="first"/> to <paramref name="last"/> (0-based, inclusive) of <paramref name="lines"/>.</summary>
    public static string KeepLines(string text, IReadOnlyList<(int Start, int Length)> lines, int first, int last) =>
        first > last ? Keep(text, []) : Keep(text, [(lines[first].Start, lines[last].Start + lines[last].Length)]);

    /// <summary>Each line's start offset and length without its line break.</summary>
    public static IReadOnlyList<(int Start, int Length)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
                continue;
            var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
            lines.Add((start, end - start));
            start = i + 1;
        }
        return lines;
    }

    /// <summary>A file's text as the tools read it: UTF-8, a byte-order mark dropped.</summary>
    public static string Read(string path) => File.ReadAllText(path);
}
