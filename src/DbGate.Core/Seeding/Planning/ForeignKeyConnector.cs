using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>What connecting the foreign keys decided beyond the columns' values.</summary>
internal sealed class ForeignKeyDecisions
{
    public List<SeedForeignKey> Bulk { get; } = [];

    public List<SeedForeignKey> Deferred { get; } = [];
}

/// <summary>
/// Connects each foreign key slot to its parent, in load order. A key pointing forward in the order (a cycle, or a
/// table referencing itself) is broken as the constraint allows: checked once after loading (it is dropped and
/// added back, when this role owns both tables), deferred to commit (DEFERRABLE), or loaded as NULL and set by an
/// UPDATE once the parent is there (nullable). A NOT NULL cycle that allows none of these is a configuration error.
/// </summary>
internal static class ForeignKeyConnector
{
    public static ForeignKeyDecisions Connect(IReadOnlyList<TableWork> order, PlanTables tables, SeedCatalog catalog)
    {
        var decisions = new ForeignKeyDecisions();
        var position = order.Select((w, i) => (w.Table.QualifiedName, i)).ToDictionary(x => x.QualifiedName, x => x.i, StringComparer.Ordinal);
        foreach (var work in order)
        {
            foreach (var slot in work.Slots.Values.Distinct().Where(s => s.Key is not null).OrderBy(s => s.Key!.Name, StringComparer.Ordinal))
            {
                Connect(work, slot, tables, catalog, position, decisions);
                slot.Connected = true;
            }
        }
        return decisions;
    }

    private static void Connect(TableWork work, Slot slot, PlanTables tables, SeedCatalog catalog, Dictionary<string, int> position, ForeignKeyDecisions decisions)
    {
        var key = slot.Key!;
        var selfReference = key.Parent == key.Table;
        var nullable = slot.Columns.All(c => !c.Column.NotNull && !c.Column.Type.DomainNotNull);
        var picker = slot.Picker ?? DefaultPicker(slot, selfReference);
        var fraction = slot.Columns.Select(c => c.Override?.NullFraction).FirstOrDefault(f => f is not null) ?? 0;
        var nulls = fraction > 0 || (selfReference && nullable) ? new NullMask(fraction, SeedHash.Derive(slot.Stream, "nulls"), selfReference && nullable ? picker : null) : NullMask.Never;
        foreach (var column in slot.Columns)
            column.Nulls = nulls;
        if (slot.Keys is { } existing)
        {
            Reference(slot, existing, picker);
            Bulk(work, key, catalog, decisions, forced: false);
            return;
        }
        var parentWork = tables.Generated[key.Parent];
        var backward = position[key.Parent] >= position[key.Table];
        var parentColumns = key.ParentColumns.Select(parentWork.Column).ToList();
        var pure = parentColumns.All(p => p is not null && (!parentWork.Slots.TryGetValue(p.Column.Name, out var s) || s.Key is null || s.Connected) && p.PureSource() is not null)
            && slot.Columns.Select((c, i) => c.Reference(parentColumns[i]!.PureSource()!, picker, pure: true)).ToList().All(ok => ok);
        if (pure)
        {
            // Within one COPY the constraint is checked at the end of the statement, so a table may point at itself.
            if (!backward || selfReference || Bulk(work, key, catalog, decisions, forced: true))
            {
                if (!backward || selfReference)
                    Bulk(work, key, catalog, decisions, forced: false);
                return;
            }
            if (key.Deferrable)
            {
                decisions.Deferred.Add(key);
                return;
            }
        }
        if (!backward)
        {
            var keys = slot.Columns.Select((c, i) => c.NewServerKeys(ForeignKeyPlanner.KeySql(parentWork.Table, key.ParentColumns, i, ForeignKeyPlanner.ReadAs(c)))).ToList();
            parentWork.KeysAfterLoad.AddRange(keys);
            Reference(slot, keys, picker);
            Bulk(work, key, catalog, decisions, forced: false);
            return;
        }
        if (!nullable)
            throw LocatedError.At(work.Location, $"seed: {slot.Display}", $"foreign key {key.Name} is part of a cycle of NOT NULL references to {key.Parent}, whose keys the server assigns; make it DEFERRABLE or nullable, or give the key column values with sql:");
        // Loaded as NULL, set by an UPDATE once the parent is loaded.
        var repairKeys = slot.Columns.Select((c, i) => (c.Column, c.NewServerKeys(ForeignKeyPlanner.KeySql(parentWork.Table, key.ParentColumns, i, ForeignKeyPlanner.ReadAs(c))))).ToList();
        work.Repairs.Add(new ForeignKeyRepair(work.Table, key, repairKeys, picker, nulls));
        foreach (var column in slot.Columns)
            column.Nulls = new NullMask(1, 0);
    }

    private static void Reference(Slot slot, IReadOnlyList<ServerKeys> keys, IIndexPicker picker)
    {
        for (var i = 0; i < slot.Columns.Count; i++)
            slot.Columns[i].Reference(keys[i].Values, picker, pure: false);
    }

    public static IIndexPicker DefaultPicker(Slot slot, bool selfReference)
    {
        if (selfReference)
            return new EarlierRowPicker(SeedHash.Derive(slot.Stream, "parent"));
        return slot.Columns.Select(c => c.Override).FirstOrDefault(o => o?.Distribution == SeedDistribution.Zipf) is { } zipf
            ? new ZipfPicker(slot.Size, zipf.Skew, SeedHash.Derive(slot.Stream, "parent"))
            : new UniformPicker(slot.Size, SeedHash.Derive(slot.Stream, "parent"));
    }

    /// <summary>Checks the key once after loading when the role owns both tables and the child is large (or a cycle needs it).</summary>
    private static bool Bulk(TableWork work, SeedForeignKey key, SeedCatalog catalog, ForeignKeyDecisions decisions, bool forced)
    {
        var parent = catalog.Find(key.Parent);
        if (!work.Table.Owned || parent is not { Owned: true } || (!forced && work.Rows < ForeignKeyPlanner.BulkCheckRows))
            return false;
        if (!decisions.Bulk.Contains(key))
            decisions.Bulk.Add(key);
        return true;
    }
}
