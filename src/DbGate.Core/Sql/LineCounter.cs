namespace DbGate.Core.Sql;

/// <summary>
/// Turns offsets into lines and columns in one forward pass: callers ask for increasing offsets, so each
/// character is looked at once however large the text. \n, \r\n and a lone \r each end a line.
/// </summary>
internal sealed class LineCounter
{
    private readonly string _text;
    private readonly int _firstColumn;
    private int _scanned;
    private int _line;
    private int _lineStart;

    /// <param name="line">The line of offset 0.</param>
    /// <param name="column">The column of offset 0; 0 for a file's byte order mark, which takes no column.</param>
    public LineCounter(string text, int line = 1, int column = 1)
    {
        _text = text;
        _line = line;
        _firstColumn = column;
    }

    /// <summary>For a whole file, whose byte order mark, if any, comes before column 1.</summary>
    public static LineCounter ForFile(string source) => new(source, 1, source.StartsWith('\uFEFF') ? 0 : 1);

    public SqlLocation LocationOf(int offset)
    {
        if (offset < _scanned)
        {
            throw new InvalidOperationException("Offsets must be asked for in increasing order.");
        }

        while (_scanned < offset)
        {
            var found = _text.AsSpan(_scanned, offset - _scanned).IndexOfAny('\n', '\r');
            if (found < 0)
            {
                _scanned = offset;
                break;
            }

            var lineBreak = _scanned + found;
            var completesCrLf = _text[lineBreak] == '\n' && lineBreak > 0 && _text[lineBreak - 1] == '\r';
            if (!completesCrLf)
            {
                _line++;
            }

            _lineStart = lineBreak + 1;
            _scanned = lineBreak + 1;
        }

        var column = _lineStart == 0 ? _firstColumn + offset : offset - _lineStart + 1;
        return new SqlLocation(_line, column);
    }
}
