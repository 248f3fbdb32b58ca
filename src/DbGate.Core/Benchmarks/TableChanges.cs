using DbGate.Core.Migrations;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// Which tables each migration of the run changed (their columns, constraints, indexes, triggers, policies), from the
/// schema before and after its up: what names the migration a plan change is blamed on. Only the migrations the run
/// checks are recorded, so with <c>--changed</c> they are the pull request's.
/// </summary>
internal sealed class TableChanges
{
    private readonly List<(string Migration, IReadOnlySet<string> Tables)> _changes = [];

    public IReadOnlyList<(string Migration, IReadOnlySet<string> Tables)> Changes => _changes;

    public void Record(Migration migration, SchemaSnapshot before, SchemaSnapshot after)
    {
        var indexes = before.Indexes.Concat(after.Indexes).ToLookup(i => $"{i.Schema}.{i.Name}", i => $"{i.Schema}.{i.Table}", StringComparer.Ordinal);
        var tables = SchemaDiff.Compare(before, after).SelectMany(d => d.ObjectKind switch
        {
            SchemaObjectKind.Table => [d.ObjectName],
            SchemaObjectKind.Column or SchemaObjectKind.Constraint or SchemaObjectKind.Trigger or SchemaObjectKind.Policy => [string.Join('.', d.ObjectName.Split('.').Take(2))],
            SchemaObjectKind.Index => indexes[d.ObjectName],
            _ => Enumerable.Empty<string>(),
        }).ToHashSet(StringComparer.Ordinal);
        if (tables.Count > 0)
            _changes.Add((migration.Id, tables));
    }

    /// <summary>The last migration that changed one of <paramref name="tables"/> (schema.table), or null.</summary>
    public string? LastTouching(IEnumerable<string> tables)
    {
        var wanted = tables.ToHashSet(StringComparer.Ordinal);
        return _changes.LastOrDefault(c => c.Tables.Overlaps(wanted)).Migration;
    }
}
