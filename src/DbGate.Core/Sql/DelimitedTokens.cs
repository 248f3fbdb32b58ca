namespace DbGate.Core.Sql;

/// <summary>
/// Finds the end of tokens that run to a closing delimiter: strings, quoted identifiers, dollar quotes and
/// comments. Each returns an unterminated token reaching the end of the source when the delimiter is missing.
/// </summary>
internal static class DelimitedTokens
{
    /// <summary>The index of the line break ending the line at <paramref name="position"/>, or the source length.</summary>
    public static int LineEnd(string source, int position)
    {
        var found = source.AsSpan(position).IndexOfAny('\n', '\r');
        return found < 0 ? source.Length : position + found;
    }

    public static SqlToken LineComment(string source, int start) =>
        new(SqlTokenKind.LineComment, start, LineEnd(source, start));

    /// <summary>Unlike the SQL standard's, PostgreSQL's block comments nest.</summary>
    public static SqlToken BlockComment(string source, int start)
    {
        var depth = 1;
        var position = start + 2;
        while (true)
        {
            var found = source.AsSpan(position).IndexOfAny('*', '/');
            if (found < 0)
            {
                return Unterminated(SqlTokenKind.BlockComment, source, start);
            }

            position += found;
            var pair = Follows(source, position, '*', '/') || Follows(source, position, '/', '*');
            if (!pair)
            {
                position++;
                continue;
            }

            depth += source[position] == '/' ? 1 : -1;
            position += 2;
            if (depth == 0)
            {
                return new SqlToken(SqlTokenKind.BlockComment, start, position);
            }
        }
    }

    /// <summary>
    /// A quoted string from its prefix at <paramref name="start"/>; the body begins at <paramref name="bodyStart"/>.
    /// '' is an escaped quote in every kind; only E'' strings also escape with a backslash, because
    /// standard_conforming_strings is on. Strings separated by whitespace containing a newline are one literal.
    /// </summary>
    public static SqlToken String(string source, SqlTokenKind kind, int start, int bodyStart, bool backslashEscapes)
    {
        var position = bodyStart;
        while (true)
        {
            var closingQuote = ClosingQuote(source, position, backslashEscapes);
            if (closingQuote < 0)
            {
                return Unterminated(kind, source, start);
            }

            var continuation = StringContinuation.BodyStartAfter(source, closingQuote + 1);
            if (continuation < 0)
            {
                return new SqlToken(kind, start, closingQuote + 1);
            }

            position = continuation;
        }
    }

    public static SqlToken QuotedIdentifier(string source, int start, int bodyStart)
    {
        var position = bodyStart;
        while (true)
        {
            var found = position < source.Length ? source.AsSpan(position).IndexOf('"') : -1;
            if (found < 0)
            {
                return Unterminated(SqlTokenKind.QuotedIdentifier, source, start);
            }

            position += found + 1;
            if (position >= source.Length || source[position] != '"')
            {
                return new SqlToken(SqlTokenKind.QuotedIdentifier, start, position);
            }

            position++;
        }
    }

    /// <summary>The body is opaque and ends at the first occurrence of the opening delimiter, however the text around it looks.</summary>
    public static SqlToken DollarQuoted(string source, int start, int bodyStart)
    {
        var delimiter = source.AsSpan(start, bodyStart - start);
        var found = source.AsSpan(bodyStart).IndexOf(delimiter, StringComparison.Ordinal);
        return found < 0
            ? Unterminated(SqlTokenKind.DollarQuotedString, source, start)
            : new SqlToken(SqlTokenKind.DollarQuotedString, start, bodyStart + found + delimiter.Length);
    }

    private static int ClosingQuote(string source, int position, bool backslashEscapes)
    {
        while (position < source.Length)
        {
            var rest = source.AsSpan(position);
            var found = backslashEscapes ? rest.IndexOfAny('\'', '\\') : rest.IndexOf('\'');
            if (found < 0)
            {
                return -1;
            }

            position += found;
            var isEscape = source[position] == '\\' || Follows(source, position, '\'', '\'');
            if (!isEscape)
            {
                return position;
            }

            position += 2;
        }

        return -1;
    }

    private static bool Follows(string source, int position, char first, char second) =>
        position + 1 < source.Length && source[position] == first && source[position + 1] == second;

    private static SqlToken Unterminated(SqlTokenKind kind, string source, int start) =>
        new(kind, start, source.Length, IsUnterminated: true);
}
