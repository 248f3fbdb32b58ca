namespace DbGate.Core.Sql;

/// <summary>
/// A comment outside any statement, kept so rules can read annotations such as <c>-- dbgate:ignore DBG001 reason</c>.
/// <see cref="Text"/> is the exact slice at <see cref="Offset"/>, delimiters included: "-- …" without its line break, or "/* … */".
/// </summary>
public sealed record SqlComment(string Text, int Offset, int Line, int Column);
