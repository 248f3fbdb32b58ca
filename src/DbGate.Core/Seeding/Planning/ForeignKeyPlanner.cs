using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>Where the tables of a plan stand: generated (with their work), already filled (with their row count), or empty.</summary>
internal sealed record PlanTables(IReadOnlyDictionary<string, TableWork> Generated, IReadOnlyDictionary<string, long> Existing);

/// <summary>
/// Makes each foreign key's columns take the keys of the parent rows they point at: computed here when the parent's
/// key is generated, read back from the server when the server assigns it (identity, serial) or seed.sql wrote it.
/// </summary>
internal static class ForeignKeyPlanner
{
    /// <summary>Child tables this big have their foreign keys checked once after loading, not once per row.</summary>
    public const long BulkCheckRows = 10_000;

    /// <summary>One slot per foreign key (its columns pick one parent row together), and one per remaining column.</summary>
    public static async Task CreateSlotsAsync(TableWork work, SeedCatalog catalog, PlanTables tables, Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var key in catalog.ForeignKeys.Where(k => k.Table == work.Table.QualifiedName).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var columns = key.Columns.Select(work.Column).ToList();
            if (columns.Any(c => c is null || c.Override?.Values is not null || work.Slots.ContainsKey(c.Column.Name)))
                continue; // left to dbgate.yml's values, to the server, or to an overlapping key
            var parent = catalog.Find(key.Parent);
            long rows = 0;
            List<ServerKeys>? keys = null;
            if (tables.Generated.TryGetValue(key.Parent, out var parentWork))
            {
                rows = parentWork.Rows;
            }
            else if (tables.Existing.ContainsKey(key.Parent) && parent is not null)
            {
                keys = columns.Select((c, i) => c!.NewServerKeys(KeySql(parent, key.ParentColumns, i, ReadAs(c)))).ToList();
                foreach (var k in keys)
                    await k.LoadAsync(connection, cancellationToken);
                rows = keys[0].Count;
            }
            if (rows == 0)
            {
                if (columns.Any(c => c!.Column.NotNull || c.Column.Type.DomainNotNull))
                    throw LocatedError.At(work.Location, $"seed: {columns[0]!.Display}", $"foreign key {key.Name} references {key.Parent}, which gets no rows; give it rows or let the column be NULL");
                foreach (var column in columns)
                    column!.Nulls = new NullMask(1, 0);
                continue;
            }
            Register(work, new Slot(columns!, key, rows, SeedHash.Derive(work.Stream, "fk:" + key.Name)) { Keys = keys });
        }
        foreach (var column in work.Columns.Where(c => !work.Slots.ContainsKey(c.Column.Name)))
            work.Slots[column.Column.Name] = new Slot([column], null, column.Size, SeedHash.Derive(column.Spec.Stream, "pick"));
    }

    private static void Register(TableWork work, Slot slot)
    {
        foreach (var column in slot.Columns)
            work.Slots[column.Column.Name] = slot;
    }

    /// <summary>The type keys are read as: the child's, or text for enums (Npgsql reads text without knowing the enum).</summary>
    public static string ReadAs(PlannedColumn child) => child.Type is Types.EnumType ? "text" : child.Column.SqlType;

    /// <summary>The parent's key column <paramref name="index"/>, as the child's type, in key order.</summary>
    public static string KeySql(SeedTable parent, IReadOnlyList<string> parentColumns, int index, string childType)
    {
        var columns = parentColumns.Select(name => (Name: SqlNames.Quote(name), Collatable: parent.Column(name)?.Collatable == true)).ToList();
        var order = string.Join(", ", columns.Select(c => c.Collatable ? $"{c.Name} COLLATE \"C\"" : c.Name));
        var notNull = string.Join(" AND ", columns.Select(c => $"{c.Name} IS NOT NULL"));
        return $"SELECT {columns[index].Name}::{childType} FROM {parent.Sql} WHERE {notNull} ORDER BY {order}";
    }
}
