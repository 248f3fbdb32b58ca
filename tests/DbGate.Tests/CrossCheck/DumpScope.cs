namespace DbGate.Tests.CrossCheck;

/// <summary>
/// What the dumps leave out, each because DbGate deliberately leaves it out of its snapshots (its documented
/// scope), so that a difference there is not a disagreement.
/// </summary>
internal static class DumpScope
{
    /// <summary>
    /// The bookkeeping tables of diesel, golang-migrate, Rails, Flyway, Liquibase, EF Core, Atlas and DbUp, in any
    /// schema: written by the migration tool, not by the migrations. The list DbGate documents, kept here on
    /// purpose rather than read from DbGate.
    /// </summary>
    public static IReadOnlyList<string> HistoryTables { get; } =
    [
        "schema_migrations", "__diesel_schema_migrations", "flyway_schema_history", "databasechangelog",
        "databasechangeloglock", "__EFMigrationsHistory", "atlas_schema_revisions", "schemaversions",
    ];

    public static IReadOnlyList<string> PgDumpArguments { get; } =
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
        .. HistoryTables.SelectMany(t => new[] { "--exclude-table", $"*.{Quoted(t)}", "--exclude-table", $"*.{Quoted(t + "_*_seq")}" }),
    ];

    /// <summary>A pg_dump pattern matches names folded to lower case unless double-quoted.</summary>
    private static string Quoted(string name) => name.Any(char.IsUpper) ? $"\"{name.Replace("*", "\"*\"", StringComparison.Ordinal)}\"" : name;
}
