namespace DbGate.Core.Sql;

/// <summary>
/// One statement of a SQL file, as the splitter found it. <see cref="Text"/> is the exact slice
/// <c>source[Offset..(Offset + Text.Length)]</c> without the terminating semicolon, so a position that
/// PostgreSQL reports inside it maps back to the file.
/// </summary>
/// <param name="Line">1-based line of the statement's first character.</param>
/// <param name="Column">1-based column of the statement's first character.</param>
public sealed record SqlStatement(string Text, int Offset, int Line, int Column);
