using DbGate.Core.Migrations;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// Which tables each migration of the run changed (their columns, constraints, indexes, triggers, policies), from the
/// schema before and after its up: what names the migration a plan change is blamed on. Only the migrations the run
/// checks are recorded, so with <c>--changed</c> they are the pull request's. It also keeps the schema's fingerprint
/// before the first and after every up, so a baseline is matched with the point of this run's history it was measured at.
/// </summary>
internal sealed class TableChanges
{
    private readonly List<(string Migration, IReadOnlySet<string> Tables)> _changes = [];
    private readonly List<(string? Migration, string Schema)> _schemas = [];

    public IReadOnlyList<(string Migration, IReadOnlySet<string> Tables)> Changes => _changes;

    /// <summary>The schema's fingerprint before the first up (migration null) and after each, in order.</summary>
    public IReadOnlyList<(string? Migration, string Schema)> Schemas => _schemas;

    /// <summary>The schema after the last up; null when nothing was recorded (explain reads its own).</summary>
    public string? Final => _schemas.Count == 0 ? null : _schemas[^1].Schema;

    public void Start(SchemaSnapshot schema) => _schemas.Add((null, SnapshotDigest.Fingerprint(schema) ?? ""));

    public void Record(Migration migration, SchemaSnapshot before, SchemaSnapshot after)
    {
        _schemas.Add((migration.Id, SnapshotDigest.Fingerprint(after) ?? ""));
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

    /// <summary>
    /// Where this run's history passed through <paramref name="schema"/>: the migrations applied since (empty when it is
    /// the final schema), or null when it never did.
    /// </summary>
    public IReadOnlyList<string>? Since(string schema)
    {
        var at = _schemas.FindLastIndex(s => s.Schema == schema);
        return at < 0 ? null : [.. _schemas.Skip(at + 1).Select(s => s.Migration!)];
    }

    /// <summary>The last migration that changed one of <paramref name="tables"/> (schema.table), or null; only those in <paramref name="among"/> when given.</summary>
    public string? LastTouching(IEnumerable<string> tables, IReadOnlyList<string>? among = null)
    {
        var wanted = tables.ToHashSet(StringComparer.Ordinal);
        return _changes.LastOrDefault(c => c.Tables.Overlaps(wanted) && (among is null || among.Contains(c.Migration))).Migration;
    }
}
