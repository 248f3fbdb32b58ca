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

    /// <summary>
    /// A project file's text, after the checks every script gets (inside the project, no symbolic link out of it,
    /// readable) and decoded as the tools send it: UTF-8 without a byte order mark. Anything else is one located line.
    /// </summary>
    public static string Read(DiscoveryContext context, string path)
    {
        context.Check(path);
        var decoded = Execution.ScriptDecoder.Decode(File.ReadAllBytes(path));
        return decoded.Problem is null
            ? decoded.Text
            : throw new Configuration.ConfigurationException($"{context.Relative(path)}:{decoded.Where.Line}:{decoded.Where.Column}: {decoded.Problem}");
    }

    /// <summary>
    /// For detection, which reads before anything is checked: only files that are what they say (no symbolic links,
    /// which could lead to /dev/zero or a secret), so detecting a format never reads outside the project.
    /// </summary>
    public static bool IsPlainFile(string path) => new FileInfo(path) is { Exists: true, LinkTarget: null };

    /// <summary>Recursive listing for detection: a folder DbGate may not read is not evidence of a format, and the format that owns it names it.</summary>
    public static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    /// <summary>
    /// A file's lines for detection, read only as far as the caller looks (a header, one marker line); none from where
    /// it cannot be read (discovery of the format that owns it says why).
    /// </summary>
    public static IEnumerable<string> LinesForDetection(string path)
    {
        if (!IsPlainFile(path))
            yield break;
        IEnumerator<string> lines;
        try
        {
            lines = File.ReadLines(path).GetEnumerator();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        using (lines)
        {
            while (Next(lines) is { } line)
                yield return line;
        }
    }

    private static string? Next(IEnumerator<string> lines)
    {
        try
        {
            return lines.MoveNext() ? lines.Current : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
