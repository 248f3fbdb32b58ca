using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Lint;

/// <summary>CREATE TABLE … PARTITION OF takes ACCESS EXCLUSIVE on the partitioned table; ATTACH PARTITION needs less.</summary>
public sealed class PartitionCreatedUnderAccessExclusive : StatementRule
{
    public override string Id => "DBG131";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        var parent = statement.TakenOnExisting.FirstOrDefault(l => l.Kind == "p" && l.Mode == LockMode.AccessExclusive);
        if (parent is null)
            yield break;
        foreach (var partition in statement.Of(SchemaObjectKind.Table, ChangeKind.Created).Select(c => c.Row).Where(r => r.Partition == true))
        {
            var name = partition.QualifiedName;
            var defaults = statement.TakenOnExisting.Where(l => l.IsTable && l.Kind != "p" && l.Mode == LockMode.AccessExclusive).ToList();
            var scan = defaults.Count == 0 ? "" : $", and scans its DEFAULT partition {string.Join(", ", defaults.Select(d => context.Table(d.Name)))} under the same lock";
            yield return new LintIssue(
                $"CREATE TABLE {name} PARTITION OF {parent.Name} takes ACCESS EXCLUSIVE on {context.Table(parent.Name)}{scan}: every query on it and on all its partitions, reads included, " +
                $"waits while it waits and runs; instead CREATE TABLE {name} (LIKE {parent.Name} INCLUDING DEFAULTS INCLUDING CONSTRAINTS), then ALTER TABLE {parent.Name} ATTACH PARTITION {name} " +
                $"FOR VALUES … as here, which takes only SHARE UPDATE EXCLUSIVE on {parent.Name} (PostgreSQL 12 and later)",
                [parent.Name, .. defaults.Select(d => d.Name)],
                partition.Type is null ? [] : [$"partition bound: {partition.Type}"]);
        }
    }
}
