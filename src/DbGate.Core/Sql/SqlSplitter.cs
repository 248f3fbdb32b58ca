namespace DbGate.Core.Sql;

/// <summary>Splits a PostgreSQL migration file into statements where psql would, keeping their places in the file.</summary>
public static class SqlSplitter
{
    /// <summary>
    /// Splits <paramref name="source"/> in one linear pass. Empty statements yield nothing, a last statement
    /// without a semicolon counts, and psql backslash commands come back as <see cref="SqlStatementKind.PsqlMetaCommand"/>.
    /// </summary>
    /// <exception cref="SqlSyntaxException">A string, quoted identifier, dollar quote or block comment is never closed.</exception>
    public static IReadOnlyList<SqlStatement> Split(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new StatementSplitter(source).Split();
    }
}
