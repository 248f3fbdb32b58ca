namespace DbGate.Core.Sql;

/// <summary>
/// What the scanner tells apart: only what decides where statements end and what callers ask about.
/// Operators and punctuation other than ; ( ) are all <see cref="Other"/>.
/// </summary>
internal enum SqlTokenKind
{
    Word,
    Number,
    Parameter,
    QuotedIdentifier,
    String,
    BitString,
    HexString,
    DollarQuotedString,
    LineComment,
    BlockComment,
    Semicolon,
    OpenParenthesis,
    CloseParenthesis,
    PsqlMetaCommand,
    Other,
}
