using DbGate.Core.Observation;
using DbGate.Core.Snapshots;
using DbGate.Core.Sql;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// A column converted between timestamp and timestamptz (or from timestamptz to date or time): every existing
/// value is read or written in the session's TimeZone, which production's session may not share with CI's.
/// </summary>
public sealed class TimeZoneDependentConversion : StatementRule
{
    public override string Id => "DBG127";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var column in statement.Of(SchemaObjectKind.Column, ChangeKind.Altered))
        {
            if (!column.PreExisting || column.Before?.Type is not { } before || column.After?.Type is not { } after || !DependsOnTimeZone(before, after))
                continue;
            // The script named the zone itself: in the conversion, or for its session.
            if (NamesZone(statement.Statement.Text) || context.Script.Take(context.Index).Any(s => SetsTimeZone(s.Statement.Text)))
                continue;
            var name = column.Row.Name!;
            var table = column.Parent;
            var how = ColumnTypes.HasTimeZone(before)
                ? $"writes every existing value as the local {(ColumnTypes.IsTimestamp(after) ? "time" : after.Split(' ')[0])} of the session's TimeZone"
                : "reads every existing value as a local time in the session's TimeZone";
            yield return new LintIssue(
                $"ALTER COLUMN {name} TYPE {after} on {table} {how}, which was '{statement.Before.TimeZone}' in this run: a production session with another TimeZone " +
                $"(the server's timezone setting, ALTER ROLE or ALTER DATABASE … SET TimeZone, the client's PGTZ) shifts every value by its offset; " +
                $"name the zone: USING {name} AT TIME ZONE 'UTC', or SET LOCAL TimeZone = 'UTC' before the statement (which on PostgreSQL 12 and later also spares a timestamp ↔ timestamptz change its rewrite)",
                [],
                [$"{column.Target.Name}: {before} → {after}", $"TimeZone assumed (the run's session): {statement.Before.TimeZone}"]);
        }
    }

    private static bool DependsOnTimeZone(string before, string after) =>
        ColumnTypes.HasTimeZone(before) && ColumnTypes.IsTimestamp(before)
            ? !ColumnTypes.HasTimeZone(after) && (ColumnTypes.IsTimestamp(after) || after is "date" || after.StartsWith("time", StringComparison.Ordinal))
            : ColumnTypes.IsTimestamp(before) && ColumnTypes.IsTimestamp(after) && ColumnTypes.HasTimeZone(after);

    // AT TIME ZONE in the statement: a USING clause that names the zone.
    private static bool NamesZone(string sql) => Contains(Words(sql), ["AT", "TIME", "ZONE"]);

    // SET [SESSION | LOCAL] TimeZone … or SET TIME ZONE …
    private static bool SetsTimeZone(string sql)
    {
        var words = Words(sql).Take(4).ToList();
        return words.Count >= 2 && words[0] == "SET" && words.Skip(1).SkipWhile(w => w is "SESSION" or "LOCAL").Take(2).ToList() is var rest
            && rest.Count > 0 && (rest[0] == "TIMEZONE" || (rest.Count == 2 && rest[0] == "TIME" && rest[1] == "ZONE"));
    }

    private static bool Contains(List<string> words, string[] run) =>
        Enumerable.Range(0, Math.Max(0, words.Count - run.Length + 1)).Any(i => words.Skip(i).Take(run.Length).SequenceEqual(run));

    private static List<string> Words(string sql)
    {
        var words = new List<string>();
        var scanner = new SqlScanner(sql);
        while (scanner.TryRead(out var token))
        {
            if (token.Kind == SqlTokenKind.Word)
                words.Add(sql.Substring(token.Start, token.Length).ToUpperInvariant());
        }
        return words;
    }
}
