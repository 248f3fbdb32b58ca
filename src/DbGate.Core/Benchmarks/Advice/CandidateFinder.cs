namespace DbGate.Core.Benchmarks.Advice;

/// <summary>
/// Index candidates from a plan that broke its thresholds: for each scan that reads a table badly (a Seq Scan, or a
/// scan whose filter removes rows), the columns its filter compares for equality, then a range column or the order a
/// Sort above it wants (so the index also serves ORDER BY … LIMIT), the join columns a join above it matches on; in
/// multi-column, covering (INCLUDE the columns the scan returns) and partial (WHERE col IS [NOT] NULL) variants.
/// </summary>
internal static class CandidateFinder
{
    /// <summary>Past this many INCLUDE columns a covering index costs more to keep than it saves.</summary>
    private const int MaxInclude = 3;

    /// <param name="columns">Each scanned table's columns, by schema.table.</param>
    public static IReadOnlyList<IndexCandidate> Find(PlanNode root, IReadOnlyDictionary<string, IReadOnlySet<string>> columns, int max = 8)
    {
        var candidates = new List<IndexCandidate>();
        foreach (var (scan, ancestors) in Scans(root, []))
        {
            if (scan.Table is not { } table || !columns.TryGetValue(table, out var names) || !(scan.NodeType == "Seq Scan" || scan.RowsRemoved > 0))
                continue;
            var conditions = PlanConditions.Of(scan.Filter, scan.Alias, names).Concat(PlanConditions.Of(scan.IndexCondition, scan.Alias, names)).ToList();
            var joins = ancestors.SelectMany(a => PlanConditions.JoinColumns(a.JoinCondition, scan.Alias, names).Concat(PlanConditions.JoinColumns(a.JoinFilter, scan.Alias, names)));
            var equal = conditions.Where(c => c.Kind == ConditionKind.Equality).Select(c => c.Column).Concat(joins).Distinct().ToList();
            var ranges = conditions.Where(c => c.Kind == ConditionKind.Range).Select(c => c.Column).Except(equal).ToList();
            var nulls = conditions.Where(c => c.Kind is ConditionKind.IsNull or ConditionKind.IsNotNull).ToList();
            var sort = ancestors.Where(a => a.NodeType is "Sort" or "Incremental Sort").Select(a => PlanConditions.Sort(a.SortKey, scan.Alias, names)).FirstOrDefault();
            var output = scan.Output.Select(o => PlanConditions.Column(o, scan.Alias, names)).OfType<string>().Distinct().ToList();

            var keySets = new List<List<SortColumn>>();
            void Keys(IEnumerable<SortColumn> keys)
            {
                var list = keys.DistinctBy(k => k.Column).Where(k => nulls.All(n => n.Column != k.Column)).ToList();
                if (list.Count > 0 && !keySets.Any(k => k.SequenceEqual(list)))
                    keySets.Add(list);
            }
            var equalKeys = equal.Select(c => new SortColumn(c, false, null)).ToList();
            if (sort is { Count: > 0 })
                Keys(equalKeys.Concat(sort.Where(s => !equal.Contains(s.Column))));
            if (ranges.Count > 0)
                Keys(equalKeys.Append(new SortColumn(ranges[0], false, null)));
            Keys(equalKeys);
            if (equal.Count == 0 && ranges.Count == 0 && nulls.Count > 0)
                Keys(nulls.Take(1).Select(n => new SortColumn(n.Column, false, null)));

            var (schema, name) = Split(table);
            foreach (var keys in keySets)
            {
                var full = new IndexCandidate(schema, name, keys, [], []);
                candidates.Add(full);
                var include = output.Where(o => keys.All(k => k.Column != o) && nulls.All(n => n.Column != o)).ToList();
                if (include.Count is > 0 and <= MaxInclude)
                    candidates.Add(full with { Include = include });
                if (nulls.Count > 0 && keys.Any(k => nulls.All(n => n.Column != k.Column)))
                    candidates.Add(full with { Where = nulls });
            }
        }
        return [.. candidates.Distinct(new CandidateComparer()).Take(max)];
    }

    /// <summary>Every node reading a table, with the nodes above it (nearest first).</summary>
    private static IEnumerable<(PlanNode Scan, IReadOnlyList<PlanNode> Ancestors)> Scans(PlanNode node, IReadOnlyList<PlanNode> ancestors)
    {
        if (node.RelationName is not null)
            yield return (node, ancestors);
        IReadOnlyList<PlanNode> below = [node, .. ancestors];
        foreach (var scan in node.Children.SelectMany(child => Scans(child, below)))
            yield return scan;
    }

    private static (string Schema, string Table) Split(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("public", table) : (table[..dot], table[(dot + 1)..]);
    }

    private sealed class CandidateComparer : IEqualityComparer<IndexCandidate>
    {
        public bool Equals(IndexCandidate? x, IndexCandidate? y) =>
            x is not null && y is not null && x.Schema == y.Schema && x.Table == y.Table && x.Keys.SequenceEqual(y.Keys) && x.Include.SequenceEqual(y.Include) && x.Where.SequenceEqual(y.Where);

        public int GetHashCode(IndexCandidate obj) => HashCode.Combine(obj.Schema, obj.Table, obj.Keys.Count, obj.Include.Count, obj.Where.Count);
    }
}
