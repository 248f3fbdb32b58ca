namespace DbGate.Core.Sql;

/// <summary>
/// Gives comments outside statements to the statements around them: every such comment leads the next
/// statement, and one starting on the line where a statement ended also trails that statement.
/// </summary>
internal sealed class CommentAttacher(string source, LineCounter lines, List<SqlStatement> statements)
{
    private List<SqlComment>? _leading;
    private List<SqlComment>? _trailing;

    /// <summary>Where the last check for a line break stopped; -1 once the trailing window is closed.</summary>
    private int _trailingCheckedUpTo = -1;

    /// <summary>Starts collecting trailing comments for the statement just added, which ended at <paramref name="terminatorEnd"/>.</summary>
    public void OpenTrailingWindow(int terminatorEnd)
    {
        _trailing = null;
        _trailingCheckedUpTo = terminatorEnd;
    }

    /// <summary>A comment between a statement's text and its semicolon trails it whatever line it is on.</summary>
    public void OnCommentBeforeTerminator(SqlToken token) => (_trailing ??= []).Add(ToComment(token));

    public void OnCommentBetweenStatements(SqlToken token)
    {
        var comment = ToComment(token);
        (_leading ??= []).Add(comment);
        if (_trailingCheckedUpTo < 0)
        {
            return;
        }

        // Checking from the previous comment's start, not its end, catches a block comment spanning lines.
        var gap = source.AsSpan(_trailingCheckedUpTo, token.Start - _trailingCheckedUpTo);
        if (gap.IndexOfAny('\n', '\r') >= 0)
        {
            CloseTrailingWindow();
            return;
        }

        (_trailing ??= []).Add(comment);
        _trailingCheckedUpTo = token.Start;
    }

    public void CloseTrailingWindow()
    {
        if (_trailing is { Count: > 0 })
        {
            statements[^1] = statements[^1] with { TrailingComments = _trailing };
        }

        _trailing = null;
        _trailingCheckedUpTo = -1;
    }

    public IReadOnlyList<SqlComment> TakeLeading()
    {
        IReadOnlyList<SqlComment> leading = _leading ?? [];
        _leading = null;
        return leading;
    }

    private SqlComment ToComment(SqlToken token)
    {
        var location = lines.LocationOf(token.Start);
        return new SqlComment(source.Substring(token.Start, token.Length), token.Start, location.Line, location.Column);
    }
}
