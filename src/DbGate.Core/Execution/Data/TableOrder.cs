using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Execution.Data;

/// <summary>Ordinary and partitioned tables in foreign-key order, so a child's rows can point at its parent's.</summary>
internal static class TableOrder
{
    public static IReadOnlyList<TableDefinition> ParentsFirst(SchemaSnapshot schema)
    {
        var tables = schema.Tables.Where(t => t.Kind is "table" or "partitioned table" && t.PartitionBound is null).ToList();
        var byName = tables.ToDictionary(t => SqlNames.Qualified(t.Schema, t.Name), StringComparer.Ordinal);
        var parents = tables.ToDictionary(
            t => t,
            t => schema.Constraints
                .Where(c => c.Type == "FOREIGN KEY" && c.Schema == t.Schema && c.Table == t.Name && c.References is not null)
                .Select(c => byName.GetValueOrDefault(QualifiedReference(c.References!)))
                .Where(p => p is not null && p != t)
                .ToList());
        var ordered = new List<TableDefinition>();
        var visited = new HashSet<TableDefinition>();
        foreach (var table in tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
            Visit(table);
        return ordered;

        void Visit(TableDefinition table)
        {
            if (!visited.Add(table))
                return; // seen, or in a cycle: cycles are broken arbitrarily and some rows are then rejected
            foreach (var parent in parents[table])
                Visit(parent!);
            ordered.Add(table);
        }
    }

    /// <summary>The snapshot names referenced tables as schema.table, unquoted.</summary>
    private static string QualifiedReference(string reference)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? SqlNames.Quote(reference) : SqlNames.Qualified(reference[..dot], reference[(dot + 1)..]);
    }
}
