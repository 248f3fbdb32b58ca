namespace DbGate.Core.Sql;

/// <summary>
/// Character classes of PostgreSQL's lexer (scan.l). Every non-ASCII character counts as a letter there,
/// because the server lexes UTF-8 bytes and treats every byte from 0x80 up as one.
/// </summary>
internal static class SqlCharacters
{
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    public static bool IsNewline(char c) => c is '\n' or '\r';

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    /// <summary>Identifiers may contain '$', which is why <c>a$$b</c> is one identifier, not a dollar quote.</summary>
    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    /// <summary>Dollar-quote tags are identifiers without '$'.</summary>
    public static bool IsTagPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);
}
