using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>
/// Reads a Liquibase formatted SQL file: <c>--changeset author:id attribute:value…</c>, its SQL up to the next changeset,
/// <c>--rollback</c> lines and <c>/* liquibase rollback … */</c> blocks, and the --precondition comments.
/// </summary>
internal static partial class LiquibaseSqlFile
{
    public static bool IsFormatted(string path) =>
        SourceText.LinesForDetection(path).FirstOrDefault(l => l.Trim().Length > 0) is { } first && Header().IsMatch(first.Trim());

    public static IReadOnlyList<LiquibaseChangeset> Read(string text, string relativePath)
    {
        var lines = SourceText.Lines(text);
        string Line(int i) => text.Substring(lines[i].Start, lines[i].Length);
        var starts = Enumerable.Range(0, lines.Count).Where(i => Changeset().IsMatch(Line(i))).ToList();
        var changesets = new List<LiquibaseChangeset>();
        for (var c = 0; c < starts.Count; c++)
        {
            var first = starts[c];
            var end = c + 1 < starts.Count ? starts[c + 1] : lines.Count;
            var header = Changeset().Match(Line(first));
            var body = new List<(int, int)>();
            var rollback = new List<(int, int)>();
            var preconditions = new List<int>();
            var notRequired = false;
            for (var i = first + 1; i < end; i++)
            {
                var line = Line(i);
                if (RollbackLine().Match(line) is { Success: true } single)
                {
                    var sql = single.Groups["sql"];
                    // Liquibase reads both "not required" and "empty" as a rollback with nothing to do.
                    if (sql.Value.Trim().Equals("not required", StringComparison.OrdinalIgnoreCase) || sql.Value.Trim().Equals("empty", StringComparison.OrdinalIgnoreCase))
                        notRequired = true;
                    else
                        rollback.Add((lines[i].Start + sql.Index, lines[i].Start + sql.Index + sql.Length));
                }
                else if (RollbackBlock().IsMatch(line))
                {
                    var close = Enumerable.Range(i + 1, end - i - 1).FirstOrDefault(j => Line(j).TrimEnd().EndsWith("*/", StringComparison.Ordinal), -1);
                    if (close < 0)
                        throw new ConfigurationException($"{relativePath}:{i + 1}: /* liquibase rollback is never closed with */");
                    if (close > i + 1)
                        rollback.Add((lines[i + 1].Start, lines[close].Start + Line(close).TrimEnd().Length - 2));
                    i = close;
                }
                else if (Precondition().IsMatch(line))
                {
                    preconditions.Add(i + 1);
                }
                else if (!Directive().IsMatch(line))
                {
                    body.Add((lines[i].Start, lines[i].Start + lines[i].Length));
                }
            }
            changesets.Add(new LiquibaseChangeset(
                relativePath,
                first + 1,
                header.Groups["author"].Value.Trim().Trim('"'),
                header.Groups["id"].Value.Trim('"'),
                Attributes(header.Groups["attributes"].Value),
                SourceText.Keep(text, body),
                rollback.Count > 0 ? SourceText.Keep(text, rollback) : null,
                preconditions)
            {
                RollbackNotRequired = notRequired,
            });
        }
        var duplicate = changesets.GroupBy(c => (c.Author, c.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ConfigurationException($"{relativePath}: changeset {duplicate.Key.Author}:{duplicate.Key.Id} is defined more than once (lines {string.Join(", ", duplicate.Select(c => c.Line))})");
        return changesets;
    }

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"'), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^--\s*liquibase\s+formatted\s+sql\b", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    /// <summary>As Liquibase's own pattern: the author may hold spaces (<c>--changeset Liquibase User:3</c>), the line may be indented.</summary>
    [GeneratedRegex(@"^\s*--\s*changeset\s+(?<author>""[^""]+""|[^:]+):\s*(?<id>""[^""]+""|\S+)(?<attributes>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Changeset();

    [GeneratedRegex(@"^\s*--\s*rollback\s(?<sql>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RollbackLine();

    [GeneratedRegex(@"^\s*/\*\s*liquibase\s+rollback\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RollbackBlock();

    [GeneratedRegex(@"^\s*--\s*precondition", RegexOptions.IgnoreCase)]
    private static partial Regex Precondition();

    /// <summary>Comments that are Liquibase's, not SQL: --comment, --validCheckSum, --ignoreLines and the like.</summary>
    [GeneratedRegex(@"^\s*--\s*(comment|validCheckSum|ignoreLines|liquibase\s+formatted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    [GeneratedRegex(@"(?<name>[A-Za-z]+):(?<value>""[^""]*""|\S+)")]
    private static partial Regex Attribute();
}
