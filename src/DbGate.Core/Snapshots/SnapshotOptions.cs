namespace DbGate.Core.Snapshots;

/// <summary>What <see cref="SnapshotReader"/> records beyond the schema's structure.</summary>
public sealed record SnapshotOptions
{
    /// <summary>
    /// The bookkeeping tables of diesel, golang-migrate, Rails, Flyway, Liquibase, EF Core, Atlas and DbUp, for reading a
    /// schema whose tool is unknown. The gate leaves out only the tool in use's own (<see cref="For"/>).
    /// </summary>
    public static IReadOnlyList<string> DefaultHistoryTables { get; } =
    [
        "schema_migrations", "__diesel_schema_migrations", "flyway_schema_history", "databasechangelog",
        "databasechangeloglock", "__EFMigrationsHistory", "atlas_schema_revisions", "schemaversions",
    ];

    // After DefaultHistoryTables: static initializers run in textual order.
    public static SnapshotOptions Default { get; } = new();

    /// <summary>Record owners, grants and default privileges. Off by default: the ephemeral server's roles are not production's.</summary>
    public bool IncludePrivileges { get; init; }

    /// <summary>Tables, in any schema, that a migration tool writes as it runs; they and what hangs off them are ignored.</summary>
    public IReadOnlyList<string> HistoryTables { get; init; } = DefaultHistoryTables;

    /// <summary>Schemas a migration tool keeps its history in (sqitch, grate); they and everything in them are ignored.</summary>
    public IReadOnlyList<string> HistorySchemas { get; init; } = [];

    /// <summary>These options with only <paramref name="history"/> left out: the history of the tool in use, and no other's.</summary>
    public SnapshotOptions For(Migrations.HistoryScope history) => this with { HistoryTables = history.Tables, HistorySchemas = history.Schemas };
}
