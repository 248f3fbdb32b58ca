namespace DbGate.Core.Sql;

/// <summary>
/// Splits SQL text into tokens the way psql's lexer (psqlscan.l, itself a copy of the server's scan.l) does,
/// as far as statement boundaries depend on it. Whitespace is skipped, never returned.
/// </summary>
internal sealed class SqlScanner
{
    private readonly string _source;
    private int _position;

    public SqlScanner(string source, int start = 0)
    {
        _source = source;
        _position = start;
    }

    public bool TryRead(out SqlToken token)
    {
        var start = _position;
        while (start < _source.Length && SqlCharacters.IsWhitespace(_source[start]))
        {
            start++;
        }

        if (start >= _source.Length)
        {
            _position = start;
            token = default;
            return false;
        }

        token = ReadAt(start);
        _position = token.End;
        return true;
    }

    private SqlToken ReadAt(int start)
    {
        var c = _source[start];
        var next = CharAt(start + 1);
        return c switch
        {
            '-' when next == '-' => DelimitedTokens.LineComment(_source, start),
            '/' when next == '*' => DelimitedTokens.BlockComment(_source, start),
            '\'' => DelimitedTokens.String(_source, SqlTokenKind.String, start, start + 1, backslashEscapes: false),
            '"' => DelimitedTokens.QuotedIdentifier(_source, start, start + 1),
            '$' => Dollar(start),
            '\\' => new SqlToken(SqlTokenKind.PsqlMetaCommand, start, DelimitedTokens.LineEnd(_source, start)),
            ';' => new SqlToken(SqlTokenKind.Semicolon, start, start + 1),
            '(' => new SqlToken(SqlTokenKind.OpenParenthesis, start, start + 1),
            ')' => new SqlToken(SqlTokenKind.CloseParenthesis, start, start + 1),
            _ when char.IsAsciiDigit(c) => Number(start),
            _ when SqlCharacters.IsIdentifierStart(c) => WordOrPrefixedLiteral(start, c, next),
            _ => new SqlToken(SqlTokenKind.Other, start, start + 1),
        };
    }

    /// <summary>A letter followed by a quote may open a literal (E'', B'', X'', N'', U&amp;''); otherwise it starts a word.</summary>
    private SqlToken WordOrPrefixedLiteral(int start, char first, char next)
    {
        if (next == '\'')
        {
            switch (first)
            {
                case 'e' or 'E':
                    return DelimitedTokens.String(_source, SqlTokenKind.String, start, start + 2, backslashEscapes: true);
                case 'b' or 'B':
                    return DelimitedTokens.String(_source, SqlTokenKind.BitString, start, start + 2, backslashEscapes: false);
                case 'x' or 'X':
                    return DelimitedTokens.String(_source, SqlTokenKind.HexString, start, start + 2, backslashEscapes: false);
                case 'n' or 'N':
                    return DelimitedTokens.String(_source, SqlTokenKind.String, start, start + 2, backslashEscapes: false);
            }
        }

        if (first is 'u' or 'U' && next == '&')
        {
            // U&'...' has no backslash escapes at the lexical level; UESCAPE is applied later by the server.
            // A bare "u&" is psql's xufailed rule: the u alone is a token, not an identifier.
            return CharAt(start + 2) switch
            {
                '\'' => DelimitedTokens.String(_source, SqlTokenKind.String, start, start + 3, backslashEscapes: false),
                '"' => DelimitedTokens.QuotedIdentifier(_source, start, start + 3),
                _ => new SqlToken(SqlTokenKind.Other, start, start + 1),
            };
        }

        return new SqlToken(SqlTokenKind.Word, start, SkipIdentifierParts(start + 1));
    }

    /// <summary>
    /// '$' opens a dollar quote only when a whole $tag$ follows; $1 is a parameter, and a '$' followed by
    /// a tag without its closing '$' is a lone character whose tag is then read as a word (psql's dolqfailed).
    /// </summary>
    private SqlToken Dollar(int start)
    {
        var next = CharAt(start + 1);
        if (char.IsAsciiDigit(next))
        {
            var digitsEnd = SkipDigits(start + 2);
            var end = SqlCharacters.IsIdentifierStart(CharAt(digitsEnd)) ? SkipIdentifierParts(digitsEnd) : digitsEnd;
            return new SqlToken(SqlTokenKind.Parameter, start, end);
        }

        var tagEnd = SqlCharacters.IsIdentifierStart(next) ? SkipTagParts(start + 2) : start + 1;
        return CharAt(tagEnd) == '$'
            ? DelimitedTokens.DollarQuoted(_source, start, tagEnd + 1)
            : new SqlToken(SqlTokenKind.Other, start, start + 1);
    }

    /// <summary>
    /// Trailing letters belong to the number, as in the server's integer_junk rule, so "1end" is no END.
    /// '$' does not: "1$$" is a number followed by a dollar quote.
    /// </summary>
    private SqlToken Number(int start)
    {
        var end = start + 1;
        while (end < _source.Length && (SqlCharacters.IsTagPart(_source[end]) || _source[end] == '.'))
        {
            end++;
        }

        return new SqlToken(SqlTokenKind.Number, start, end);
    }

    // Separate loops rather than one taking a predicate: these run for nearly every character of a file.
    private int SkipIdentifierParts(int position)
    {
        while (position < _source.Length && SqlCharacters.IsIdentifierPart(_source[position]))
        {
            position++;
        }

        return position;
    }

    private int SkipTagParts(int position)
    {
        while (position < _source.Length && SqlCharacters.IsTagPart(_source[position]))
        {
            position++;
        }

        return position;
    }

    private int SkipDigits(int position)
    {
        while (position < _source.Length && char.IsAsciiDigit(_source[position]))
        {
            position++;
        }

        return position;
    }

    private char CharAt(int position) => position < _source.Length ? _source[position] : '\0';
}
