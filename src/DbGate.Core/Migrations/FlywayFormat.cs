namespace DbGate.Core.Migrations;

/// <summary>
/// Flyway: <c>V1_1__name.sql</c> in version order, <c>U1_1__name.sql</c> as its undo, <c>R__name.sql</c> after them, in the
/// locations flyway.conf or flyway.toml names. Without a single undo script the project is forward only.
/// </summary>
internal sealed class FlywayFormat : IMigrationFormat
{
    private static readonly FlywayDialect Dialect = new("flyway", "flyway_schema_history", Undo: true, DetectsNonTransactional: true, StrictPlaceholders: true);

    public string Name => Dialect.Name;

    /// <remarks>Not when a project above references Evolve, which reads the same files.</remarks>
    public bool Recognises(DirectoryInfo folder) => FlywayLayout.Recognises(folder) && !EvolveFormat.Claims(folder);

    public MigrationSet Discover(DiscoveryContext context) => FlywayLayout.Discover(context, Dialect);
}
