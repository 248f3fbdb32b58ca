namespace DbGate.Core.Observation;

/// <summary>
/// The tracked catalog rows as they stand now, each with the script that created its object, kept up to date from
/// what every statement is observed to write, so no statement needs a full catalog read to know what came before.
/// A script works on a <see cref="Fork"/>, which the forward run adopts when the script's changes are kept.
/// </summary>
internal sealed class CatalogMirror
{
    private readonly Dictionary<RowKey, (CatalogRow Row, int Epoch)> _rows;

    private readonly int _migrationStart;

    private CatalogMirror(Dictionary<RowKey, (CatalogRow Row, int Epoch)> rows, int epoch, int migrationStart)
    {
        _rows = rows;
        Epoch = epoch;
        _migrationStart = migrationStart;
    }

    /// <summary>Counts scripts: objects created by an earlier one (a lower epoch) are pre-existing for this one.</summary>
    public int Epoch { get; }

    public static CatalogMirror FromBaseline(IEnumerable<CatalogRow> rows) =>
        new(rows.ToDictionary(r => r.Key, r => (r, 0)), 0, 0);

    /// <summary>A copy for the next script to change, leaving this one as it is.</summary>
    /// <param name="sameMigration">The script is the down of the up that produced this mirror: what that up created
    /// existed before the down, but not before the migration.</param>
    public CatalogMirror Fork(bool sameMigration = false) =>
        new(new Dictionary<RowKey, (CatalogRow, int)>(_rows), Epoch + 1, sameMigration ? Epoch : Epoch + 1);

    public CatalogRow? Get(RowKey key) => _rows.TryGetValue(key, out var entry) ? entry.Row : null;

    public CatalogRow? Relation(long oid) => Get(new RowKey("class", oid, 0));

    public bool PreExisting(RowKey key) => _rows.TryGetValue(key, out var entry) && entry.Epoch < Epoch;

    /// <summary>The object existed before the migration this script belongs to (for a down: before its up).</summary>
    public bool BeforeMigration(RowKey key) => _rows.TryGetValue(key, out var entry) && entry.Epoch < _migrationStart;

    public IEnumerable<CatalogRow> Rows => _rows.Values.Select(v => v.Row);

    /// <summary>Records a row version the statement wrote; returns the version before it, if the object was known.</summary>
    public (CatalogRow? Before, bool PreExisting, bool BeforeMigration) Write(CatalogRow row)
    {
        var known = _rows.TryGetValue(row.Key, out var entry);
        _rows[row.Key] = (row, known ? entry.Epoch : Epoch);
        return known ? (entry.Row, entry.Epoch < Epoch, entry.Epoch < _migrationStart) : (null, false, false);
    }

    /// <summary>Forgets a dropped object and everything stored under it (a table's columns, defaults and rules).</summary>
    public (CatalogRow? Before, bool PreExisting, bool BeforeMigration) Remove(RowKey key)
    {
        if (!_rows.Remove(key, out var entry))
            return (null, false, false);
        if (key.Catalog == "class")
        {
            foreach (var child in _rows.Keys.Where(k => k.Oid == key.Oid && k.Catalog is "attribute" or "default" or "view" or "sequence" or "acl" or "comment").ToList())
                _rows.Remove(child);
        }
        return (entry.Row, entry.Epoch < Epoch, entry.Epoch < _migrationStart);
    }
}
