namespace DbGate.Core.Migrations;

/// <summary>RoundhousE: grate's layout (grate was written after it), its history in the RoundhousE schema; only <c>format: roundhouse</c> chooses it.</summary>
internal sealed class RoundhouseFormat : IMigrationFormat
{
    public string Name => "roundhouse";

    public bool Recognises(DirectoryInfo folder) => false;

    public MigrationSet Discover(DiscoveryContext context) => GrateLayout.Discover(context, Name, HistoryScope.OfSchema("RoundhousE"));
}
