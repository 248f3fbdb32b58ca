using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>A table being planned: its columns, and the slots that choose their values.</summary>
internal sealed class TableWork(SeedTable table, long rows, ConfigLocation? location, ulong stream)
{
    public SeedTable Table { get; } = table;

    public long Rows { get; } = rows;

    /// <summary>The dbgate.yml line that decided the row count (rows entry, default_rows, or seed).</summary>
    public ConfigLocation? Location { get; } = location;

    public ulong Stream { get; } = stream;

    public List<PlannedColumn> Columns { get; } = [];

    public List<ComputedColumn> Computed { get; } = [];

    /// <summary>Columns left out on purpose (server-filled, or a type DbGate cannot make and may leave NULL or to its default).</summary>
    public HashSet<string> Omitted { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Slot> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>CHECKs between two columns of the table (<c>ends_at &gt; starts_at</c>).</summary>
    public List<Checks.OrderingRule> Orderings { get; } = [];

    public List<ServerKeys> KeysAfterLoad { get; } = [];

    public List<ForeignKeyRepair> Repairs { get; } = [];

    /// <summary>Partial unique indexes' WHERE, recognised, with its constant as the server prints it.</summary>
    public Dictionary<string, (Checks.Predicate? Predicate, Planning.ServerValue<string>? Constant)> Predicates { get; } = new(StringComparer.Ordinal);

    public PlannedColumn? Column(string name) => Columns.FirstOrDefault(c => c.Column.Name == name);
}

/// <summary>
/// What picks values for a column, or for the columns of one foreign key together (they must come from the same
/// parent row). Uniqueness is decided per slot: a unique slot never repeats an index; digit slots form composite keys.
/// </summary>
internal sealed class Slot(IReadOnlyList<PlannedColumn> columns, SeedForeignKey? key, long size, ulong stream)
{
    public IReadOnlyList<PlannedColumn> Columns { get; } = columns;

    /// <summary>The foreign key whose parent rows this slot picks; null for a column of its own.</summary>
    public SeedForeignKey? Key { get; } = key;

    /// <summary>Distinct indexes: the domain's size, or the parent's rows.</summary>
    public long Size { get; set; } = size;

    public ulong Stream { get; } = stream;

    public IIndexPicker? Picker { get; set; }

    public bool Unique { get; set; }

    /// <summary>For a parent that already has rows: its keys, read at planning, one list per column.</summary>
    public IReadOnlyList<ServerKeys>? Keys { get; init; }

    /// <summary>Its columns now take their parent's keys (so they may in turn serve as a parent's key).</summary>
    public bool Connected { get; set; }

    public bool Digit { get; set; }

    /// <summary>dbgate.yml gave weights or Zipf: uniqueness would override them.</summary>
    public bool UserDistribution => Columns.Any(c => c.Override is { Weights: not null } or { Distribution: SeedDistribution.Zipf });

    /// <summary>A column whose domain can grow to hold more distinct values (no list, no foreign key).</summary>
    public bool Widenable => Key is null && Columns[0].Override?.Values is null && Columns[0].Type.Widenable;

    public string Display => Key is null ? Columns[0].Display : $"{Columns[0].Table.Display}({string.Join(", ", Columns.Select(c => c.Column.Name))})";
}
