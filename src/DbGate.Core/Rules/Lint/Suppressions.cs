using System.Text.RegularExpressions;
using DbGate.Core.Execution;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Sql;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// <c>-- dbgate:ignore DBG101[, DBG107] reason</c> on a statement (in it, or after it on its last line) or on the
/// lines right above it silences those rules' findings on that statement.
/// </summary>
internal static partial class Suppressions
{
    /// <param name="Rules">The rule ids named.</param>
    public sealed record Ignore(IReadOnlyList<string> Rules, string Reason, SourceLocation Location, StatementObservation Statement);

    public static IEnumerable<Ignore> Of(StatementObservation statement)
    {
        var sql = statement.Statement;
        return Parse(statement, AboveOf(sql).Concat(Inside(sql)).Concat(sql.TrailingComments));
    }

    /// <summary>Ignores above the statement but parted from it by a blank line or code: they apply to nothing.</summary>
    public static IEnumerable<Ignore> Detached(StatementObservation statement)
    {
        var above = AboveOf(statement.Statement);
        return Parse(statement, statement.Statement.LeadingComments.Where(c => !above.Contains(c)));
    }

    private static IEnumerable<Ignore> Parse(StatementObservation statement, IEnumerable<SqlComment> comments)
    {
        foreach (var comment in comments)
        {
            if (Directive().Match(comment.Text) is not { Success: true } match)
                continue;
            var rules = match.Groups["rules"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).ToList();
            yield return new Ignore(rules, match.Groups["reason"].Value.Trim().TrimEnd('*', '/').Trim(), new SourceLocation(statement.Location.Path, comment.Line, comment.Column), statement);
        }
    }

    /// <summary>Findings that no ignore on their statement silences.</summary>
    public static IEnumerable<Finding> Filter(IEnumerable<Finding> findings, IEnumerable<StepFacts> facts)
    {
        var ignored = facts.SelectMany(f => f.Statements).SelectMany(Of)
            .SelectMany(i => i.Rules.Select(r => (r, i.Statement.Location)))
            .ToHashSet();
        return findings.Where(f => f.Location is null || !ignored.Contains((f.RuleId, f.Location)));
    }

    // The contiguous run of comments ending on the line before the statement (or on its own first line).
    private static List<SqlComment> AboveOf(SqlStatement sql)
    {
        var above = new List<SqlComment>();
        var expected = sql.Line - 1;
        foreach (var comment in sql.LeadingComments.Reverse())
        {
            var end = comment.Line + comment.Text.Count(c => c == '\n');
            if (end < expected)
                break;
            above.Add(comment);
            expected = comment.Line - 1;
        }
        return above;
    }

    private static IEnumerable<SqlComment> Inside(SqlStatement sql)
    {
        var scanner = new SqlScanner(sql.Text);
        var lines = new LineCounter(sql.Text, sql.Line, sql.Column);
        while (scanner.TryRead(out var token))
        {
            if (!token.IsComment)
                continue;
            var at = lines.LocationOf(token.Start);
            yield return new SqlComment(sql.Text.Substring(token.Start, token.Length), sql.Offset + token.Start, at.Line, at.Column);
        }
    }

    [GeneratedRegex(@"dbgate:ignore\s+(?<rules>[A-Za-z]{3}\d{3}(\s*,\s*[A-Za-z]{3}\d{3})*)(?<reason>.*)", RegexOptions.Singleline)]
    private static partial Regex Directive();
}
