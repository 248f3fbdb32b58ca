using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Types;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// Makes every unique key (primary, unique constraint, unique index, partial or on expressions) hold: one slot of the
/// key made unique alone (a permutation of its domain, or 1, 2, 3… for a primary key), or, when none can hold every
/// row, the key's slots drawn together as the digits of a unique mixed-radix number. A key that cannot hold the
/// rows at all (1000 rows, a boolean) is a configuration error.
/// </summary>
internal static class UniquePlanner
{
    public static void Plan(TableWork work, List<string> warnings)
    {
        var satisfied = new List<HashSet<Slot>>();
        var keys = work.Table.UniqueKeys.OrderByDescending(k => k.Primary).ThenBy(k => k.AllColumns.Count).ThenBy(k => k.Name, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var columns = key.AllColumns;
            // A sequence numbers identity and serial columns uniquely; computed columns are dbgate.yml's business.
            if (columns.Any(c => work.Omitted.Contains(c) || work.Computed.Any(x => x.Column.Name == c)) || columns.Count == 0)
                continue;
            var slots = columns.Select(c => work.Slots[c]).Distinct().ToList();
            if (slots.Any(s => s.Unique) || satisfied.Any(s => s.IsSubsetOf(slots)))
                continue;
            if (key.NullsNotDistinct && slots.SelectMany(s => s.Columns).FirstOrDefault(c => c.MayBeNull) is { } nullable)
                throw LocatedError.At(nullable.Override?.LocationOf("null_fraction") ?? work.Location, $"seed: {nullable.Display}", $"unique key {key.Name} is NULLS NOT DISTINCT: its rows cannot share a NULL");
            if (key.Predicate is not null && slots.Count == 1 && !Widen(work, slots[0]))
            {
                // Too few keys for every row: only as many rows as there are keys fall under the index.
                if (!PartialUniquePlanner.TryPlan(work, key, slots[0]))
                    throw Unsatisfiable(work, slots, key);
                continue;
            }
            if (slots.Count == 1)
                MakeUnique(work, slots[0], key, warnings);
            else if (slots.Where(s => !s.Digit && s.Size >= work.Rows).OrderBy(s => s.Key is null ? 0 : 1).ThenBy(s => s.UserDistribution ? 1 : 0).FirstOrDefault() is { } alone)
                MakeUnique(work, alone, key, warnings);
            else if (!Digits(work, slots, key, warnings))
                MakeUnique(work, slots.FirstOrDefault(s => s.Widenable && !s.Digit && !s.UserDistribution) ?? throw Unsatisfiable(work, slots, key), key, warnings);
            satisfied.Add([.. slots]);
        }
    }

    /// <summary>Whether the slot holds a value per row, once its domain is widened if it can be.</summary>
    private static bool Widen(TableWork work, Slot slot)
    {
        if (slot.Size < work.Rows && slot.Widenable && !slot.Digit)
        {
            var column = slot.Columns[0];
            column.Spec.Capacity = work.Rows;
            Build(work, column);
            slot.Size = column.Size;
        }
        return slot.Size >= work.Rows;
    }

    private static void MakeUnique(TableWork work, Slot slot, SeedUniqueKey key, List<string> warnings)
    {
        if (slot.Digit || !Widen(work, slot))
            throw Unsatisfiable(work, [slot], key);
        if (slot.UserDistribution)
            warnings.Add($"{slot.Display}: unique key {key.Name} needs a different value in every row, so its weights or Zipf skew are not applied");
        slot.Picker = key.Primary && slot.Key is null ? SequentialPicker.Instance : new PermutedPicker(slot.Size, SeedHash.Derive(slot.Stream, "unique"));
        slot.Unique = true;
    }

    /// <summary>The fewest slots, largest first, whose sizes multiply to the rows: digits of one unique number.</summary>
    private static bool Digits(TableWork work, List<Slot> slots, SeedUniqueKey key, List<string> warnings)
    {
        var free = slots.Where(s => !s.Digit).OrderByDescending(s => s.Size).ToList();
        var chosen = new List<Slot>();
        var product = 1L;
        foreach (var slot in free.TakeWhile(_ => product < work.Rows))
        {
            chosen.Add(slot);
            product = Saturating.Multiply(product, Math.Max(slot.Size, 1));
        }
        if (product < work.Rows || chosen.Count < 2)
            return false;
        var tuples = new PermutedPicker(product, SeedHash.Derive(work.Stream, "key:" + key.Name));
        var divisor = 1L;
        foreach (var slot in chosen)
        {
            if (slot.UserDistribution)
                warnings.Add($"{slot.Display}: unique key {key.Name} spreads its combinations evenly, so its weights or Zipf skew are not applied");
            slot.Picker = new DigitPicker(tuples, divisor, slot.Size);
            slot.Digit = true;
            divisor = Saturating.Multiply(divisor, slot.Size);
        }
        return true;
    }

    public static void Build(TableWork work, PlannedColumn column)
    {
        try
        {
            column.Build();
        }
        catch (UnsatisfiableException e)
        {
            throw LocatedError.At(column.Override?.Location ?? work.Location, $"seed: {column.Display}", $"{e.Message}{Checks(work, column)}");
        }
    }

    private static Configuration.ConfigurationException Unsatisfiable(TableWork work, List<Slot> slots, SeedUniqueKey key)
    {
        var what = string.Join(" × ", slots.Select(s => $"{s.Size} ({Describe(s)})"));
        var partial = key.Predicate is null ? "" : $" (partial, WHERE {key.Predicate}, in a shape DbGate cannot steer)";
        var location = slots.Select(s => s.Columns[0].Override?.Location).FirstOrDefault(l => l is not null) ?? work.Location;
        return LocatedError.At(location, $"seed: {string.Join(", ", slots.Select(s => s.Display))}", $"unique key {key.Name}{partial} needs {work.Rows} distinct values, but the columns hold at most {what}");
    }

    private static string Describe(Slot slot) => slot.Key is { } fk
        ? $"rows of {fk.Parent}"
        : slot.Columns[0].Override?.Values is not null ? "values listed in dbgate.yml" : slot.Columns[0].Type.Describe;

    private static string Checks(TableWork work, PlannedColumn column) =>
        work.Table.Checks.Where(c => c.Columns.Contains(column.Column.Name)).Select(c => c.Name).ToList() is { Count: > 0 } names
            ? $" (CHECK {string.Join(", ", names)})"
            : "";
}
