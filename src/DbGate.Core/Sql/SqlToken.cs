namespace DbGate.Core.Sql;

/// <summary>
/// A token as a range of the source. An unterminated token runs to the end of the source; the scanner
/// reports it rather than throwing so that callers other than the splitter can decide what it means.
/// </summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int End, bool IsUnterminated = false)
{
    public int Length => End - Start;

    public bool IsComment => Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment;
}
