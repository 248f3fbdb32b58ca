namespace DbGate.Core.Sql;

/// <summary>
/// The state of one split. A semicolon ends a statement only outside parentheses and routine bodies, as in
/// psql; a backslash outside quotes starts a psql meta-command running to the end of its line, ending any
/// statement in progress, as psql does when it meets \g or \gexec.
/// </summary>
internal sealed class StatementSplitter
{
    private readonly string _source;
    private readonly SqlScanner _scanner;
    private readonly LineCounter _lines;
    private readonly List<SqlStatement> _statements = [];
    private readonly AtomicBodyTracker _atomicBody = new();
    private readonly CommentAttacher _comments;

    /// <summary>Comments after the current statement's last token; only what follows tells whether they are inside it.</summary>
    private readonly List<SqlToken> _commentsSinceLastToken = [];

    private int _start = -1;
    private SqlLocation _startLocation;
    private int _end;
    private int _parenthesisDepth;

    public StatementSplitter(string source)
    {
        _source = source;
        _scanner = new SqlScanner(source, source.StartsWith('\uFEFF') ? 1 : 0);
        _lines = LineCounter.ForFile(source);
        _comments = new CommentAttacher(source, _lines, _statements);
    }

    private bool InStatement => _start >= 0;

    public IReadOnlyList<SqlStatement> Split()
    {
        while (_scanner.TryRead(out var token))
        {
            if (token.IsUnterminated)
            {
                throw SqlSyntaxException.Unterminated(token.Kind, _lines.LocationOf(token.Start));
            }

            Accept(token);
        }

        FinishWithoutTerminator();
        _comments.CloseTrailingWindow();
        return _statements;
    }

    private void Accept(SqlToken token)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.LineComment or SqlTokenKind.BlockComment when InStatement:
                _commentsSinceLastToken.Add(token);
                break;
            case SqlTokenKind.LineComment or SqlTokenKind.BlockComment:
                _comments.OnCommentBetweenStatements(token);
                break;
            case SqlTokenKind.Semicolon when !InStatement:
                break;
            case SqlTokenKind.Semicolon when _parenthesisDepth == 0 && _atomicBody.Depth == 0:
                FinishAt(token);
                break;
            case SqlTokenKind.PsqlMetaCommand:
                FinishWithoutTerminator();
                AddMetaCommand(token);
                break;
            default:
                Extend(token);
                break;
        }
    }

    private void Extend(SqlToken token)
    {
        if (!InStatement)
        {
            _comments.CloseTrailingWindow();
            _start = token.Start;
            _startLocation = _lines.LocationOf(token.Start);
        }

        switch (token.Kind)
        {
            case SqlTokenKind.OpenParenthesis:
                _parenthesisDepth++;
                break;
            case SqlTokenKind.CloseParenthesis when _parenthesisDepth > 0:
                _parenthesisDepth--;
                break;
            case SqlTokenKind.Word:
                _atomicBody.OnWord(_source.AsSpan(token.Start, token.Length), _parenthesisDepth);
                break;
        }

        _end = token.End;
        _commentsSinceLastToken.Clear();
    }

    private void FinishAt(SqlToken semicolon)
    {
        AddStatement();
        _comments.OpenTrailingWindow(semicolon.End);
        foreach (var comment in _commentsSinceLastToken)
        {
            _comments.OnCommentBeforeTerminator(comment);
        }

        Reset();
    }

    /// <summary>Comments after the last token of a statement with no semicolon lie between it and whatever follows.</summary>
    private void FinishWithoutTerminator()
    {
        if (!InStatement)
        {
            return;
        }

        AddStatement();
        _comments.OpenTrailingWindow(_end);
        foreach (var comment in _commentsSinceLastToken)
        {
            _comments.OnCommentBetweenStatements(comment);
        }

        Reset();
    }

    private void AddStatement()
    {
        var text = _source.Substring(_start, _end - _start);
        _statements.Add(new SqlStatement(text, _start, _startLocation.Line, _startLocation.Column)
        {
            LeadingComments = _comments.TakeLeading(),
        });
    }

    private void AddMetaCommand(SqlToken token)
    {
        _comments.CloseTrailingWindow();
        var text = _source.AsSpan(token.Start, token.Length).TrimEnd().ToString();
        var location = _lines.LocationOf(token.Start);
        _statements.Add(new SqlStatement(text, token.Start, location.Line, location.Column)
        {
            Kind = SqlStatementKind.PsqlMetaCommand,
            LeadingComments = _comments.TakeLeading(),
        });
    }

    private void Reset()
    {
        _start = -1;
        _parenthesisDepth = 0;
        _atomicBody.Reset();
        _commentsSinceLastToken.Clear();
    }
}
