namespace DbGate.Tests.CrossCheck;

/// <summary>
/// What the dumps leave out, each because DbGate deliberately leaves it out of its snapshots (its documented
/// scope), so that a difference there is not a disagreement.
/// </summary>
internal static class DumpScope
{
    /// <summary>
    /// The bookkeeping table of the migration tool whose migrations are checked, in any schema: written by the tool,
    /// not by the migrations, and only that tool's (a diesel project's schema_migrations is its own table). The names
    /// DbGate documents, kept here on purpose rather than read from DbGate.
    /// </summary>
    public static IReadOnlyList<string> HistoryTablesOf(string format) => format switch
    {
        "diesel" => ["__diesel_schema_migrations"],
        "golang-migrate" => ["schema_migrations"],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "the cross-check reads diesel and golang-migrate projects"),
    };

    public static IReadOnlyList<string> PgDumpArguments(IReadOnlyList<string> historyTables) =>
    [
        "--schema-only",
        // Owners, grants and default privileges: the scratch server's roles are not production's.
        "--no-owner",
        "--no-privileges",
        // Only a loaded label provider can hold security labels, and the scratch server has none: this only
        // spares every dump a query.
        "--no-security-labels",
        // pg_dump leaves out what hangs off an excluded table (indexes, constraints, triggers, policies, identity
        // sequences) but not a serial column's sequence; PostgreSQL names that one table_column_seq.
        .. historyTables.SelectMany(t => new[] { "--exclude-table", $"*.{Quoted(t)}", "--exclude-table", $"*.{Quoted(t + "_*_seq")}" }),
    ];

    /// <summary>A pg_dump pattern matches names folded to lower case unless double-quoted.</summary>
    private static string Quoted(string name) => name.Any(char.IsUpper) ? $"\"{name.Replace("*", "\"*\"", StringComparison.Ordinal)}\"" : name;
}
