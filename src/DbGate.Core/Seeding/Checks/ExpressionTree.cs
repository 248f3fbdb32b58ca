namespace DbGate.Core.Seeding.Checks;

internal enum TokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Operator,
    Cast,
    Punctuation,
}

/// <summary>A token or a parenthesised group of items, with its span in the source text.</summary>
internal abstract record ExpressionItem(int Start, int End);

internal sealed record TokenItem(TokenKind Kind, string Text, int Start, int End) : ExpressionItem(Start, End)
{
    /// <summary>An unquoted identifier compared as PostgreSQL folds it, or a quoted one exactly.</summary>
    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public string Name => Kind == TokenKind.Identifier ? Text.ToLowerInvariant() : Text;
}

internal sealed record GroupItem(IReadOnlyList<ExpressionItem> Items, int Start, int End) : ExpressionItem(Start, End);

/// <summary>
/// Groups the tokens of an expression as pg_get_constraintdef prints it by its parentheses. This is not a parser of
/// SQL: PostgreSQL's deparser already put every operator in parentheses of its own, so shapes such as
/// <c>(qty &gt;= 1)</c> can be recognised by position, and every constant is handed back to the server to evaluate.
/// </summary>
internal static class ExpressionTree
{
    private const string OperatorCharacters = "+-*/<>=~!@#%^&|`?";

    public static IReadOnlyList<ExpressionItem> Parse(string text)
    {
        var position = 0;
        var items = Sequence(text, ref position);
        return position >= text.Length ? items : throw new FormatException("unbalanced parentheses");
    }

    private static List<ExpressionItem> Sequence(string text, ref int position)
    {
        var items = new List<ExpressionItem>();
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c))
            {
                position++;
            }
            else if (c == '(')
            {
                var start = position++;
                var inner = Sequence(text, ref position);
                if (position >= text.Length || text[position] != ')')
                    throw new FormatException("unbalanced parentheses");
                items.Add(new GroupItem(inner, start, ++position));
            }
            else if (c == ')')
            {
                return items;
            }
            else
            {
                items.Add(Token(text, ref position));
            }
        }
        return items;
    }

    private static TokenItem Token(string text, ref int position)
    {
        var start = position;
        var c = text[position];
        if (c == '\'' || (c is 'E' or 'e' && position + 1 < text.Length && text[position + 1] == '\''))
            return new TokenItem(TokenKind.String, Quoted(text, ref position, c == '\'' ? '\'' : 'E'), start, position);
        if (c == '"')
            return new TokenItem(TokenKind.QuotedIdentifier, Quoted(text, ref position, '"'), start, position);
        if (c == ':' && position + 1 < text.Length && text[position + 1] == ':')
        {
            position += 2;
            return new TokenItem(TokenKind.Cast, "::", start, position);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])))
        {
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
                position++;
            return new TokenItem(TokenKind.Number, text[start..position], start, position);
        }
        if (char.IsLetter(c) || c == '_')
        {
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
                position++;
            return new TokenItem(TokenKind.Identifier, text[start..position], start, position);
        }
        if (OperatorCharacters.Contains(c, StringComparison.Ordinal))
        {
            while (position < text.Length && OperatorCharacters.Contains(text[position], StringComparison.Ordinal))
                position++;
            return new TokenItem(TokenKind.Operator, text[start..position], start, position);
        }
        position++;
        return new TokenItem(TokenKind.Punctuation, c.ToString(), start, position);
    }

    /// <summary>The content of a quoted string or identifier, doubled quotes undone (and backslashes after E).</summary>
    private static string Quoted(string text, ref int position, char style)
    {
        if (style == 'E')
            position++;
        var quote = text[position++];
        var value = new System.Text.StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '\\' && style == 'E' && position < text.Length)
            {
                value.Append(text[position++]);
            }
            else if (c == quote)
            {
                if (position < text.Length && text[position] == quote)
                    value.Append(text[position++]);
                else
                    return value.ToString();
            }
            else
            {
                value.Append(c);
            }
        }
        throw new FormatException("unterminated quote");
    }
}
