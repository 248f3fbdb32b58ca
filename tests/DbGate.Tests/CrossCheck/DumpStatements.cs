namespace DbGate.Tests.CrossCheck;

/// <summary>
/// Cuts the text pg_dump writes into its SQL statements, each exactly as written, skipping what lies between them:
/// comments (pg_dump's "-- Name: …; Type: …" headers) and psql meta-commands (<c>\restrict KEY</c> and
/// <c>\unrestrict KEY</c>, whose key is random on every run).
/// </summary>
internal static class DumpStatements
{
    public static IEnumerable<string> Split(string dump)
    {
        var start = -1;
        var i = 0;
        while (i < dump.Length)
        {
            var c = dump[i];
            if (start < 0)
            {
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                if (c == '\\' || At(dump, i, "--"))
                {
                    i = EndOfLine(dump, i);
                    continue;
                }
                start = i;
            }
            if (c == ';')
            {
                yield return dump[start..(i + 1)];
                start = -1;
                i++;
            }
            else
            {
                i = Skip(dump, i);
            }
        }
        if (start >= 0)
            yield return dump[start..].TrimEnd();
    }

    /// <summary>The index after the token that starts at <paramref name="i"/>: a comment, a quoted text, or one character.</summary>
    private static int Skip(string text, int i)
    {
        if (At(text, i, "--"))
            return EndOfLine(text, i);
        if (At(text, i, "/*"))
            return EndOfBlockComment(text, i);
        return text[i] switch
        {
            '\'' => EndOfQuote(text, i, '\'', backslashEscapes: i > 0 && text[i - 1] is 'E' or 'e' && (i < 2 || !IsIdentifier(text[i - 2]))),
            '"' => EndOfQuote(text, i, '"', backslashEscapes: false),
            '$' when DollarTag(text, i) is { } tag => EndOf(text, text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal), tag.Length),
            _ => i + 1,
        };
    }

    private static int EndOfQuote(string text, int i, char quote, bool backslashEscapes)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            if (backslashEscapes && text[j] == '\\')
                j++;
            else if (text[j] == quote)
                return j + 1; // a doubled quote simply starts the next quoted text
        }
        return text.Length;
    }

    private static int EndOfBlockComment(string text, int i)
    {
        var depth = 0;
        for (var j = i; j < text.Length - 1; j++)
        {
            if (At(text, j, "/*"))
            {
                depth++;
                j++;
            }
            else if (At(text, j, "*/"))
            {
                if (--depth == 0)
                    return j + 2;
                j++;
            }
        }
        return text.Length;
    }

    /// <summary>$$ or $tag$ where a dollar quote may begin (not inside an identifier such as a$b).</summary>
    private static string? DollarTag(string text, int i)
    {
        if (i > 0 && IsIdentifier(text[i - 1]))
            return null;
        var j = i + 1;
        while (j < text.Length && IsIdentifier(text[j]) && text[j] != '$' && !(j == i + 1 && char.IsAsciiDigit(text[j])))
            j++;
        return j < text.Length && text[j] == '$' ? text[i..(j + 1)] : null;
    }

    private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int EndOfLine(string text, int i) => EndOf(text, text.IndexOf('\n', i), 1);

    private static int EndOf(string text, int found, int length) => found < 0 ? text.Length : found + length;
}
