namespace DbGate.Core.Sql;

/// <summary>A 1-based line and column in a SQL file; columns count UTF-16 characters.</summary>
public readonly record struct SqlLocation(int Line, int Column);
