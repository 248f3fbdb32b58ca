namespace DbGate.Core.Sql;

/// <summary>
/// A SQL file that cannot be split because a string, quoted identifier, dollar quote or comment never ends.
/// <see cref="Line"/> and <see cref="Column"/> are where that construct began, since its end is the whole rest of the file.
/// The message is one line.
/// </summary>
public sealed class SqlSyntaxException : Exception
{
    public SqlSyntaxException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public SqlSyntaxException(string message)
        : base(message) { }

    public SqlSyntaxException(string message, Exception innerException)
        : base(message, innerException) { }

    public SqlSyntaxException() { }

    /// <summary>1-based line where the unterminated construct began; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column where the unterminated construct began; 0 when unknown.</summary>
    public int Column { get; }

    internal static SqlSyntaxException Unterminated(SqlTokenKind kind, SqlLocation start) =>
        new($"unterminated {Describe(kind)} starting at line {start.Line}, column {start.Column}", start.Line, start.Column);

    /// <summary>The server's own words for these constructs, so the message reads like the error PostgreSQL would give.</summary>
    private static string Describe(SqlTokenKind kind) => kind switch
    {
        SqlTokenKind.String => "quoted string",
        SqlTokenKind.BitString => "bit string literal",
        SqlTokenKind.HexString => "hexadecimal string literal",
        SqlTokenKind.QuotedIdentifier => "quoted identifier",
        SqlTokenKind.DollarQuotedString => "dollar-quoted string",
        SqlTokenKind.BlockComment => "/* comment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only delimited tokens can be unterminated."),
    };
}
