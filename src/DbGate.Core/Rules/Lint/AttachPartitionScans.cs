using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>ATTACH PARTITION without a valid CHECK implying the bound scans the partition under ACCESS EXCLUSIVE.</summary>
public sealed class AttachPartitionScans : StatementRule
{
    public override string Id => "DBG121";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        foreach (var attached in statement.Of(SchemaObjectKind.Table, ChangeKind.Altered).Where(c => c.PreExisting && c.Before?.Partition == false && c.After?.Partition == true))
        {
            var partition = attached.Row;
            if (!statement.Scanned.Any(s => s.Oid == partition.Oid))
                continue;
            var name = partition.QualifiedName;
            var check = $"{partition.Name}_partition_bound";
            var parent = statement.Taken.FirstOrDefault(l => l.Kind == "p")?.Name ?? "the partitioned table";
            var others = statement.Scanned.Where(s => s.Oid != partition.Oid).Select(s => context.Table(s.Name)).ToList();
            var alsoScanned = others.Count == 0 ? "" : $" (and scans {string.Join(", ", others)} under the same lock, to prove none of its rows belong to the new partition)";
            yield return new LintIssue(
                $"ATTACH PARTITION scans {context.Table(name)} under ACCESS EXCLUSIVE to prove every row fits its bound, blocking every query on it for the whole scan{alsoScanned}; " +
                $"first ALTER TABLE {name} ADD CONSTRAINT {check} CHECK {partition.Type ?? "(…)"} NOT VALID, then ALTER TABLE {name} VALIDATE CONSTRAINT {check} in a separate transaction, " +
                $"then attach it to {parent} (a valid CHECK that implies the bound skips the scan) and drop {check}",
                [name, .. statement.Scanned.Where(s => s.Oid != partition.Oid).Select(s => s.Name)],
                [$"observed: a sequential scan of {string.Join(", ", statement.Scanned.Select(s => s.Name))}", $"partition bound: {partition.Type}"]);
        }
    }
}
