namespace DbGate.Core.Migrations;

/// <summary>
/// Evolve: Flyway's file names (V and R; it has no undo), each migration in a transaction unless its first line says
/// <c>evolve-tx-off</c>, its history in a table called changelog. Its files are Flyway's, so only <c>format: evolve</c> chooses it.
/// </summary>
internal sealed class EvolveFormat : IMigrationFormat
{
    private static readonly FlywayDialect Dialect = new("evolve", "changelog", Undo: false, DetectsNonTransactional: false, StrictPlaceholders: false, FirstLineOptions: "evolve");

    public string Name => Dialect.Name;

    public bool Recognises(DirectoryInfo folder) => false;

    public MigrationSet Discover(DiscoveryContext context) => FlywayLayout.Discover(context, Dialect);
}
