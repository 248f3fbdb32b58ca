using System.Globalization;
using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Values;
using Npgsql;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// Turns the catalog and dbgate.yml into a <see cref="SeedPlan"/>: which tables get rows and how many, how each column
/// gets its values, in which order tables load and how cycles are broken. Everything that can be wrong with the
/// request is found here, before a row is written, and reported at its dbgate.yml line.
/// </summary>
internal static class SeedPlanner
{
    /// <param name="existing">Row counts of the tables that have rows, when the caller knows them already.</param>
    public static async Task<SeedPlan> PlanAsync(
        NpgsqlConnection connection, SeedCatalog catalog, SeedOptions options, bool insideTransaction, CancellationToken cancellationToken, IReadOnlyDictionary<string, long>? existing = null)
    {
        var names = new SeedNames(catalog);
        var warnings = new List<string>();
        var rows = new Dictionary<string, TableRowCount>(StringComparer.Ordinal);
        foreach (var entry in options.Rows)
        {
            var table = names.Table(entry.Table, entry.Location, $"seed.rows.{entry.Table}");
            if (!rows.TryAdd(table.QualifiedName, entry))
                throw LocatedError.At(entry.Location, $"seed.rows.{entry.Table}", $"{table.Display} is listed twice");
        }
        var overrides = new Dictionary<string, Dictionary<string, ColumnOverride>>(StringComparer.Ordinal);
        foreach (var entry in options.Columns)
        {
            var (table, column) = names.Column(entry.Column, entry.Location);
            var columns = overrides.TryGetValue(table.QualifiedName, out var c) ? c : overrides[table.QualifiedName] = new(StringComparer.Ordinal);
            if (!columns.TryAdd(column.Name, entry))
                throw LocatedError.At(entry.Location, $"seed.columns.{entry.Column}", $"{table.Display}.{column.Name} is listed twice");
        }

        var seedable = catalog.Tables.Where(t => !t.Partition).OrderBy(t => t.QualifiedName, StringComparer.Ordinal).ToList();
        existing ??= await ExistingRows.CountAsync(connection, seedable, cancellationToken);
        var root = SeedHash.Derive((ulong)options.Seed, "dbgate-seed");
        var generated = new Dictionary<string, TableWork>(StringComparer.Ordinal);
        var empty = new List<SeedTable>();
        foreach (var table in seedable)
        {
            var listed = rows.GetValueOrDefault(table.QualifiedName);
            if (existing.ContainsKey(table.QualifiedName))
            {
                if (listed is not null || overrides.ContainsKey(table.QualifiedName))
                    warnings.Add($"{table.Display}: already has rows (from the migrations or seed.sql), so its seed.rows and seed.columns entries are not used");
                continue;
            }
            var (count, location) = listed is not null ? (listed.Rows, listed.Location) : (options.DefaultRows, options.DefaultRowsLocation ?? options.Location);
            if (count == 0)
                empty.Add(table);
            else
                generated[table.QualifiedName] = new TableWork(table, count, location, SeedHash.Derive(root, table.QualifiedName));
        }

        var server = new ServerValues();
        foreach (var work in generated.Values)
        {
            ColumnFactory.Plan(work, overrides.GetValueOrDefault(work.Table.QualifiedName) ?? [], server, warnings);
            var columnNames = work.Table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var key in work.Table.UniqueKeys.Where(k => k.Predicate is not null))
            {
                var predicate = Checks.PredicateRecognizer.Recognize(key.Predicate!, columnNames);
                work.Predicates[key.Name] = (predicate, predicate?.Constant is { } constant ? server.Ask<string>($"SELECT (({constant}))::text") : null);
            }
        }
        await server.EvaluateAsync(connection, insideTransaction, cancellationToken);
        foreach (var work in generated.Values)
        {
            foreach (var key in work.Table.UniqueKeys.Where(k => k.AllColumns.Count == 1))
            {
                if (work.Column(key.AllColumns[0]) is { } unique)
                    unique.Spec.Capacity = work.Rows;
            }
            foreach (var column in work.Columns)
            {
                ColumnChecks.Apply(work, column);
                UniquePlanner.Build(work, column);
            }
        }

        var tables = new PlanTables(generated, existing);
        foreach (var work in generated.Values)
            await ForeignKeyPlanner.CreateSlotsAsync(work, catalog, tables, connection, cancellationToken);
        foreach (var work in generated.Values)
        {
            UniquePlanner.Plan(work, warnings);
            foreach (var slot in work.Slots.Values.Where(s => s.Key is null))
                slot.Columns[0].Picker = slot.Picker ?? ColumnChecks.DefaultPicker(slot.Columns[0]);
            Orderings(work);
        }
        var order = LoadOrder.Of([.. generated.Values.Select(w => w.Table)], catalog.ForeignKeys, key => Hard(key, generated, catalog))
            .Select(t => generated[t.QualifiedName])
            .ToList();
        var decisions = ForeignKeyConnector.Connect(order, tables, catalog);

        var plans = order.Select(Table).ToList();
        plans.AddRange(existing.Select(e => new TablePlan(catalog.Find(e.Key)!, e.Value, SeedSource.Existing, [], [], [], [], false, null)));
        plans.AddRange(empty.Select(t => new TablePlan(t, 0, SeedSource.Empty, [], [], [], [], false, null)));
        return new SeedPlan(plans, decisions.Bulk, decisions.Deferred, warnings, Describe(options, order, decisions));
    }

    /// <summary>CHECKs such as <c>ends_at &gt; starts_at</c>: the lesser column is drawn below the greater one, row by row.</summary>
    private static void Orderings(TableWork work)
    {
        foreach (var rule in work.Orderings)
        {
            var (greater, lesser) = rule.Operator is ">" or ">=" ? (rule.Column, rule.Other) : (rule.Other, rule.Column);
            if (rule.Operator is "=" or "<>" || work.Column(greater) is not { } high || work.Column(lesser) is not { } low)
                continue;
            try
            {
                low.OrderBelow(high, strict: rule.Operator is ">" or "<");
            }
            catch (Types.UnsatisfiableException e)
            {
                throw LocatedError.At(high.Override?.Location ?? work.Location, $"seed: {high.Display}", $"{e.Message} above {low.Display}");
            }
        }
    }

    /// <summary>
    /// A foreign key whose parent must be loaded first: the child cannot wait for it (not nullable; for keys computed
    /// here also not deferrable and not checked in bulk), or the server assigns the keys and the child is NOT NULL.
    /// </summary>
    private static bool Hard(SeedForeignKey key, Dictionary<string, TableWork> generated, SeedCatalog catalog)
    {
        var parent = generated.GetValueOrDefault(key.Parent);
        var child = generated[key.Table];
        var nullable = key.Columns.All(c => child.Table.Column(c) is { NotNull: false, Type.DomainNotNull: false });
        var serverKeys = parent is null || key.ParentColumns.Any(c => parent.Column(c) is null);
        if (serverKeys)
            return !nullable;
        return !(nullable || key.Deferrable || (child.Table.Owned && catalog.Find(key.Parent)?.Owned == true));
    }

    private static TablePlan Table(TableWork work) =>
        new(
            work.Table, work.Rows, SeedSource.Generated,
            work.Columns.Select(c => (c.Column, c.CreateFiller())).ToList(),
            work.Computed, work.KeysAfterLoad, work.Repairs,
            Staged: work.Computed.Count > 0 || work.Table.RowSecurityApplies,
            work.Location);

    private static string Describe(ColumnOverride? entry) => entry is null ? "" : string.Create(
        CultureInfo.InvariantCulture,
        $" values [{string.Join("|", entry.Values ?? [])}] weights [{string.Join("|", entry.Weights ?? [])}] {entry.Distribution} {entry.Skew} nulls {entry.NullFraction} min {entry.Min} max {entry.Max}");

    /// <summary>What decides the rows, as text: hashed into <see cref="SeedResult.Fingerprint"/>.</summary>
    private static string Describe(SeedOptions options, IReadOnlyList<TableWork> order, ForeignKeyDecisions decisions)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"generator {Seeder.GeneratorVersion}; seed {options.Seed}\n");
        foreach (var work in order)
        {
            text.Append(CultureInfo.InvariantCulture, $"{work.Table.QualifiedName} rows {work.Rows}\n");
            foreach (var column in work.Columns)
                text.Append(CultureInfo.InvariantCulture, $"  {column.Column.Name} {column.Type.Describe} size {column.Size} pick {column.Picker?.GetType().Name ?? (column.Referencing ? "parent" : "uniform")}{Describe(column.Override)}\n");
            foreach (var computed in work.Computed)
                text.Append(CultureInfo.InvariantCulture, $"  {computed.Column.Name} sql {computed.Expression}\n");
            foreach (var repair in work.Repairs)
                text.Append(CultureInfo.InvariantCulture, $"  repair {repair.Key.Name}\n");
        }
        foreach (var key in decisions.Deferred)
            text.Append(CultureInfo.InvariantCulture, $"deferred {key.Name}\n");
        return text.ToString();
    }
}
