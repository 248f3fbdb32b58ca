using DbGate.Core.Provenance;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Docs;

/// <summary>The tables some migrations created or changed (their columns, keys, indexes… included), from provenance.</summary>
internal static class ChangedTables
{
    public static IReadOnlySet<string> Of(SchemaSnapshot snapshot, SchemaProvenance provenance, IReadOnlyCollection<string> migrations) =>
        snapshot.Tables
            .Where(t => provenance.MigrationsTouching([ObjectId.Table(t.QualifiedName)]).Overlaps(migrations))
            .Select(t => t.QualifiedName)
            .ToHashSet(StringComparer.Ordinal);
}
