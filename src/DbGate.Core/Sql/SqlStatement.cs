namespace DbGate.Core.Sql;

/// <summary>
/// One statement of a SQL file, as the splitter found it. <see cref="Text"/> is the exact slice
/// <c>source[Offset..(Offset + Text.Length)]</c> without the terminating semicolon or the whitespace and
/// comments before it, so a position that PostgreSQL reports inside it maps back to the file.
/// </summary>
/// <param name="Line">1-based line of the statement's first character.</param>
/// <param name="Column">1-based column of the statement's first character.</param>
public sealed record SqlStatement(string Text, int Offset, int Line, int Column)
{
    public SqlStatementKind Kind { get; init; } = SqlStatementKind.Sql;

    /// <summary>
    /// Comments between the previous statement's terminator and this statement, in file order. A comment after a
    /// terminator on the same line is also in the previous statement's <see cref="TrailingComments"/>.
    /// </summary>
    public IReadOnlyList<SqlComment> LeadingComments { get; init; } = [];

    /// <summary>
    /// Comments after <see cref="Text"/> up to the end of the line holding its terminating semicolon (or its
    /// last character, when it has none), where annotations about the statement are usually written.
    /// </summary>
    public IReadOnlyList<SqlComment> TrailingComments { get; init; } = [];

    /// <summary>
    /// True for BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE TRANSACTION,
    /// COMMIT PREPARED and ROLLBACK PREPARED, whatever follows; false for BEGIN ATOMIC and everything else.
    /// </summary>
    public bool IsTransactionControl => TransactionEffect != TransactionEffect.None;

    /// <summary>What the statement does to the session's transaction; <see cref="TransactionEffect.None"/> for all but transaction control.</summary>
    public TransactionEffect TransactionEffect => Kind == SqlStatementKind.Sql ? TransactionControl.Classify(Text).Effect : TransactionEffect.None;

    /// <summary>COMMIT AND CHAIN or ROLLBACK AND CHAIN: ends the transaction and opens the next at once.</summary>
    public bool ChainsTransaction => Kind == SqlStatementKind.Sql && TransactionControl.Classify(Text).Chains;

    /// <summary>
    /// Maps an error position that PostgreSQL reported for this statement's text (1-based, counting characters,
    /// so a surrogate pair is one) to its place in the file. Position Text.Length + 1 is the end of the statement,
    /// where "syntax error at end of input" points.
    /// </summary>
    public SqlLocation LocationOf(int position) => new LineCounter(Text, Line, Column).LocationOf(IndexOf(position));

    /// <summary>The index in <see cref="Text"/> of the character at PostgreSQL's 1-based <paramref name="position"/>.</summary>
    public int IndexOf(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var index = 0;
        for (var skipped = 1; skipped < position; skipped++)
        {
            if (index >= Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, "The position lies past the end of the statement.");
            }

            index += char.IsSurrogatePair(Text, index) ? 2 : 1;
        }

        return index;
    }
}
