using DbGate.Core.Sql;

namespace DbGate.Core.Observation;

/// <summary>
/// A statement's leading keywords, as PostgreSQL's command tag would name the command (Npgsql does not expose
/// the tag itself). Used to say what ran, never to decide what it did: that is observed.
/// </summary>
internal static class StatementWords
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "MATERIALIZED", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "DEFAULT",
    };

    public static string First(string text) => Words(text).FirstOrDefault() ?? "";

    public static string? Second(string text) => Words(text).Skip(1).FirstOrDefault();

    /// <summary>ALTER TABLE, CREATE INDEX, VACUUM, UPDATE…</summary>
    public static string Command(string text)
    {
        var words = Words(text).Take(6).ToList();
        if (words.Count == 0)
            return "";
        if (words[0] is not ("CREATE" or "ALTER" or "DROP" or "COMMENT" or "REFRESH" or "SECURITY" or "IMPORT"))
            return words[0];
        var noun = words.Skip(1).FirstOrDefault(w => !Modifiers.Contains(w));
        if (noun == "VIEW" && words.Contains("MATERIALIZED"))
            noun = "MATERIALIZED VIEW";
        return noun is null ? words[0] : $"{words[0]} {noun}";
    }

    private static IEnumerable<string> Words(string text)
    {
        var scanner = new SqlScanner(text);
        while (scanner.TryRead(out var token))
        {
            if (token.IsComment)
                continue;
            if (token.Kind != SqlTokenKind.Word)
                yield break;
            yield return text.Substring(token.Start, token.Length).ToUpperInvariant();
        }
    }
}
