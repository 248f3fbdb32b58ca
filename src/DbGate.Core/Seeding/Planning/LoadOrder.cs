using DbGate.Core.Seeding.Catalog;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// Parents before children. Tables in a foreign-key cycle form one strongly connected component (Tarjan); within it a
/// table goes first when its hard parents (keys only the server knows, or constraints that cannot
/// wait) are already placed, and the remaining edges are the ones the planner breaks. Ties go by name, so the order is
/// the same on every run.
/// </summary>
internal static class LoadOrder
{
    public static IReadOnlyList<SeedTable> Of(IReadOnlyList<SeedTable> tables, IReadOnlyList<SeedForeignKey> keys, Func<SeedForeignKey, bool> hard)
    {
        var byName = tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        var edges = keys.Where(k => byName.ContainsKey(k.Table) && byName.ContainsKey(k.Parent) && k.Table != k.Parent).ToList();
        var parents = tables.ToDictionary(t => t, t => edges.Where(e => e.Table == t.QualifiedName).Select(e => byName[e.Parent]).Distinct().OrderBy(p => p.QualifiedName, StringComparer.Ordinal).ToList());
        var ordered = new List<SeedTable>();
        foreach (var component in Components(tables.OrderBy(t => t.QualifiedName, StringComparer.Ordinal).ToList(), parents))
            ordered.AddRange(WithinCycle(component, edges, byName, hard));
        return ordered;
    }

    /// <summary>Tarjan's algorithm; components come out parents first (a component after every one it depends on).</summary>
    private static List<List<SeedTable>> Components(List<SeedTable> tables, Dictionary<SeedTable, List<SeedTable>> parents)
    {
        var index = new Dictionary<SeedTable, int>();
        var low = new Dictionary<SeedTable, int>();
        var stack = new Stack<SeedTable>();
        var onStack = new HashSet<SeedTable>();
        var components = new List<List<SeedTable>>();
        foreach (var table in tables.Where(t => !index.ContainsKey(t)))
            Visit(table);
        return components;

        void Visit(SeedTable table)
        {
            index[table] = low[table] = index.Count;
            stack.Push(table);
            onStack.Add(table);
            foreach (var parent in parents[table])
            {
                if (!index.ContainsKey(parent))
                {
                    Visit(parent);
                    low[table] = Math.Min(low[table], low[parent]);
                }
                else if (onStack.Contains(parent) && index.TryGetValue(parent, out var parentIndex))
                {
                    low[table] = Math.Min(low[table], parentIndex);
                }
            }
            if (low[table] != index[table])
                return;
            var component = new List<SeedTable>();
            SeedTable member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != table);
            components.Add(component);
        }
    }

    private static List<SeedTable> WithinCycle(List<SeedTable> component, List<SeedForeignKey> edges, Dictionary<string, SeedTable> byName, Func<SeedForeignKey, bool> hard)
    {
        var remaining = component.OrderBy(t => t.QualifiedName, StringComparer.Ordinal).ToList();
        var placed = new List<SeedTable>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => edges.Where(e => e.Table == t.QualifiedName && hard(e))
                .Select(e => byName[e.Parent]).All(p => placed.Contains(p) || !remaining.Contains(p))) ?? remaining[0];
            placed.Add(next);
            remaining.Remove(next);
        }
        return placed;
    }
}
