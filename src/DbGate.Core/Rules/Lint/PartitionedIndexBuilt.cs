using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// CREATE INDEX on a partitioned table builds one index per partition under SHARE, all in one statement, and
/// CONCURRENTLY is refused there: DBG101's advice cannot be followed, so this rule gives the one that can.
/// </summary>
public sealed class PartitionedIndexBuilt : StatementRule
{
    public override string Id => "DBG128";

    /// <summary>The index the statement built on a pre-existing partitioned table, with the partitions it built on.</summary>
    internal static (CatalogRow Parent, HeldLock Table, List<(CatalogRow Index, HeldLock Partition)> Partitions)? Of(StatementObservation statement)
    {
        var created = statement.Of(SchemaObjectKind.Index, ChangeKind.Created).Select(c => c.Row).ToList();
        foreach (var parent in created.Where(i => i.Kind == "I"))
        {
            if (statement.TakenOnExisting.FirstOrDefault(l => l.Oid == parent.Relation && l.Kind == "p") is not { } table)
                continue;
            var partitions = created
                .Select(i => (Index: i, Partition: statement.TakenOnExisting.FirstOrDefault(l => l.Oid == i.Relation && l.IsTable && l.Mode.BlocksWrites())))
                .Where(x => x.Index != parent && x.Partition is not null)
                .Select(x => (x.Index, x.Partition!))
                .ToList();
            return (parent, table, partitions);
        }
        return null;
    }

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        if (Of(context.Statement) is not { Partitions.Count: > 0 } build)
            yield break;
        var (parent, table, partitions) = build;
        var only = parent.Type?.Replace($" ON {table.Name} ", $" ON ONLY {table.Name} ", StringComparison.Ordinal) ?? $"CREATE INDEX {parent.Name} ON ONLY {table.Name} (…)";
        var first = partitions[0];
        var concurrently = first.Index.Type?.Replace("INDEX ", "INDEX CONCURRENTLY ", StringComparison.Ordinal) ?? $"CREATE INDEX CONCURRENTLY … ON {first.Partition.Name} (…)";
        var names = partitions.Select(p => context.Table(p.Partition.Name)).ToList();
        yield return new LintIssue(
            $"CREATE INDEX {parent.Name} on partitioned {table.Name} builds an index on {(partitions.Count == 1 ? "its partition" : $"each of its {partitions.Count} partitions")} under SHARE in one statement, " +
            $"blocking writes to {string.Join(", ", names)} until the last one is built, and CONCURRENTLY is not allowed on a partitioned table; instead: {only}; then for each partition " +
            $"{concurrently} {context.OutsideTransactionHow}, and ALTER INDEX {parent.QualifiedName} ATTACH PARTITION {first.Index.QualifiedName} (and so on for each partition)",
            [.. partitions.Select(p => p.Partition.Name)],
            [.. partitions.Select(p => $"built on {p.Partition.Name}: {p.Index.QualifiedName} under {p.Partition.Mode.SqlName()}")]);
    }
}
