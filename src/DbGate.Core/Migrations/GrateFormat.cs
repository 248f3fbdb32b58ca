namespace DbGate.Core.Migrations;

/// <summary>grate: up/ once, then the any-time and every-time folders (functions/, views/, sprocs/, permissions/…) in grate's order; forward only.</summary>
internal sealed class GrateFormat : IMigrationFormat
{
    public string Name => "grate";

    public bool Recognises(DirectoryInfo folder) => GrateLayout.Recognises(folder);

    public MigrationSet Discover(DiscoveryContext context) => GrateLayout.Discover(context, Name, HistoryScope.OfSchema("grate"));
}
