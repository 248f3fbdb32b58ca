namespace DbGate.Core.Migrations;

/// <summary>
/// Evolve: Flyway's file names (V and R; it has no undo), each migration in a transaction unless its first line says
/// <c>evolve-tx-off</c>, its history in a table called changelog. Its files are Flyway's, so they are Evolve's when a
/// .NET project at or a few folders above the scripts references the Evolve package (else <c>format: evolve</c> chooses it).
/// </summary>
internal sealed class EvolveFormat : IMigrationFormat
{
    /// <summary>How far above the migrations folder the project may be: Evolve's Locations are relative to it (db/migrations).</summary>
    private const int ProjectLevels = 3;

    private static readonly FlywayDialect Dialect = new("evolve", "changelog", Undo: false, DetectsNonTransactional: false, StrictPlaceholders: false, FirstLineOptions: "evolve");

    public string Name => Dialect.Name;

    public bool Recognises(DirectoryInfo folder) => Claims(folder);

    /// <summary>Flyway-named scripts in <paramref name="folder"/>'s locations with an Evolve project above them.</summary>
    public static bool Claims(DirectoryInfo folder) => FlywayLayout.ScriptFolders(folder).Any(ReferencedAbove);

    public MigrationSet Discover(DiscoveryContext context) => FlywayLayout.Discover(context, Dialect);

    /// <summary>A .csproj in <paramref name="folder"/> or a few folders above it that references the Evolve package.</summary>
    private static bool ReferencedAbove(DirectoryInfo folder)
    {
        var at = folder;
        for (var level = 0; at is not null && level <= ProjectLevels; level++, at = at.Parent)
        {
            IEnumerable<FileInfo> projects;
            try
            {
                projects = at.EnumerateFiles("*.csproj").ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
            if (projects.Any(p => SourceText.LinesForDetection(p.FullName).Any(l => l.Contains("Include=\"Evolve\"", StringComparison.OrdinalIgnoreCase))))
                return true;
        }
        return false;
    }
}
