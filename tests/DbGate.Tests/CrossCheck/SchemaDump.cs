namespace DbGate.Tests.CrossCheck;

/// <summary>
/// A schema as <c>pg_dump --schema-only --no-owner --no-privileges</c> prints it, reduced to what describes the
/// schema: its statements, each exactly as printed, as a sorted multiset. Sorted because pg_dump orders objects of
/// equal rank by OID, so the same schema built in another order prints in another order.
/// </summary>
internal sealed class SchemaDump
{
    private SchemaDump(IReadOnlyList<string> statements) => Statements = statements;

    public IReadOnlyList<string> Statements { get; }

    public static SchemaDump Parse(string pgDumpOutput) =>
        new(DumpStatements.Split(pgDumpOutput).Where(s => !IsSessionSetting(s)).Order(StringComparer.Ordinal).ToList());

    /// <summary>What <paramref name="actual"/> lacks and what it has in excess, compared with this dump.</summary>
    public DumpComparison Compare(SchemaDump actual) =>
        new(Subtract(Statements, actual.Statements), Subtract(actual.Statements, Statements));

    /// <summary>
    /// The preamble (SET statement_timeout = 0; SELECT pg_catalog.set_config('search_path', '', false); …) and the
    /// SET default_tablespace / default_table_access_method pg_dump puts before tables: settings of the session
    /// that restores the dump, identical for every dump of this server, not part of the schema.
    /// </summary>
    private static bool IsSessionSetting(string statement) =>
        statement.StartsWith("SET ", StringComparison.Ordinal)
        || statement.StartsWith("SELECT pg_catalog.set_config(", StringComparison.Ordinal);

    private static List<string> Subtract(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var remaining = right.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var statement in left)
        {
            if (remaining.TryGetValue(statement, out var count) && count > 0)
                remaining[statement] = count - 1;
            else
                result.Add(statement);
        }
        return result;
    }
}
