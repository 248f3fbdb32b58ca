namespace DbGate.Core.Observation;

/// <summary>
/// The tracked catalog rows as they stand now, each with the script that created its object, kept up to date from
/// what every statement is observed to write, so no statement needs a full catalog read to know what came before.
/// A script works on a <see cref="Fork"/>, which the forward run adopts when the script's changes are kept.
/// </summary>
internal sealed class CatalogMirror
{
    private readonly Dictionary<RowKey, (CatalogRow Row, int Epoch)> _rows;

    private CatalogMirror(Dictionary<RowKey, (CatalogRow Row, int Epoch)> rows, int epoch)
    {
        _rows = rows;
        Epoch = epoch;
    }

    /// <summary>Counts scripts: objects created by an earlier one (a lower epoch) are pre-existing for this one.</summary>
    public int Epoch { get; }

    public static CatalogMirror FromBaseline(IEnumerable<CatalogRow> rows) =>
        new(rows.ToDictionary(r => r.Key, r => (r, 0)), 0);

    /// <summary>A copy for the next script to change, leaving this one as it is.</summary>
    public CatalogMirror Fork() => new(new Dictionary<RowKey, (CatalogRow, int)>(_rows), Epoch + 1);

    public CatalogRow? Get(RowKey key) => _rows.TryGetValue(key, out var entry) ? entry.Row : null;

    public CatalogRow? Relation(long oid) => Get(new RowKey("class", oid, 0));

    public bool PreExisting(RowKey key) => _rows.TryGetValue(key, out var entry) && entry.Epoch < Epoch;

    public IEnumerable<CatalogRow> Rows => _rows.Values.Select(v => v.Row);

    /// <summary>Records a row version the statement wrote; returns the version before it, if the object was known.</summary>
    public (CatalogRow? Before, bool PreExisting) Write(CatalogRow row)
    {
        var known = _rows.TryGetValue(row.Key, out var entry);
        _rows[row.Key] = (row, known ? entry.Epoch : Epoch);
        return known ? (entry.Row, entry.Epoch < Epoch) : (null, false);
    }

    /// <summary>Forgets a dropped object and everything stored under it (a table's columns, defaults and rules).</summary>
    public (CatalogRow? Before, bool PreExisting) Remove(RowKey key)
    {
        if (!_rows.Remove(key, out var entry))
            return (null, false);
        if (key.Catalog == "class")
        {
            foreach (var child in _rows.Keys.Where(k => k.Oid == key.Oid && k.Catalog is "attribute" or "default" or "view" or "sequence").ToList())
                _rows.Remove(child);
        }
        return (entry.Row, entry.Epoch < Epoch);
    }
}
