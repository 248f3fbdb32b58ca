namespace DbGate.Core.Sql;

/// <summary>
/// SQL's rule that 'foo'<c>&lt;newline&gt;</c>'bar' is one literal (scan.l's quotecontinue). It matters for
/// splitting because the continued part keeps the first part's escaping: E'a'\n'\'' is a single string.
/// This follows the server, not psql: psql lexes one line at a time and so never sees the line break,
/// splitting such a literal into a broken statement, whereas tools that send the whole file (diesel, sqlx,
/// golang-migrate) get the server's reading.
/// </summary>
internal static class StringContinuation
{
    /// <summary>
    /// Where the continued body starts if a continuation follows the closing quote ending at
    /// <paramref name="afterClosingQuote"/>; otherwise -1. Only spaces, tabs, form feeds and -- comments may
    /// separate the parts, and at least one line break must.
    /// </summary>
    public static int BodyStartAfter(string source, int afterClosingQuote)
    {
        var position = SkipHorizontalSpace(source, afterClosingQuote);
        if (position >= source.Length || !SqlCharacters.IsNewline(source[position]))
        {
            return -1;
        }

        position = SkipSpaceAndCommentLines(source, position + 1);
        return position >= 0 && position < source.Length && source[position] == '\'' ? position + 1 : -1;
    }

    private static int SkipHorizontalSpace(string source, int position)
    {
        while (position < source.Length)
        {
            if (source[position] is ' ' or '\t' or '\f')
            {
                position++;
            }
            else if (IsLineCommentAt(source, position))
            {
                position = DelimitedTokens.LineEnd(source, position);
            }
            else
            {
                break;
            }
        }

        return position;
    }

    /// <summary>Returns -1 when a -- comment reaches the end of the source, since no quote can follow it.</summary>
    private static int SkipSpaceAndCommentLines(string source, int position)
    {
        while (position < source.Length)
        {
            if (SqlCharacters.IsWhitespace(source[position]))
            {
                position++;
            }
            else if (IsLineCommentAt(source, position))
            {
                var lineEnd = DelimitedTokens.LineEnd(source, position);
                if (lineEnd >= source.Length)
                {
                    return -1;
                }

                position = lineEnd + 1;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private static bool IsLineCommentAt(string source, int position) =>
        position + 1 < source.Length && source[position] == '-' && source[position + 1] == '-';
}
