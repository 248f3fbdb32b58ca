using DbGate.Core.Observation;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema;

/// <summary>The final schema as the health rules read it: the snapshot, the extra catalog facts, settings and sizes,
/// with the lookups every rule needs built once.</summary>
public sealed class SchemaModel
{
    private readonly Dictionary<string, TableDefinition> _tables;
    private readonly ILookup<string, ConstraintDefinition> _constraints;
    private readonly ILookup<string, IndexFacts> _indexes;
    private readonly Dictionary<string, DomainDefinition> _domains;
    private readonly HashSet<string> _quoted;

    /// <param name="createdRoles">Roles that appeared while the migrations ran.</param>
    public SchemaModel(SchemaSnapshot snapshot, SchemaFacts facts, HealthSettings? settings = null, ProductionSizes? sizes = null, IReadOnlyList<RoleFacts>? createdRoles = null)
    {
        Snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        Facts = facts ?? throw new ArgumentNullException(nameof(facts));
        Settings = settings ?? HealthSettings.Default;
        Sizes = sizes ?? ProductionSizes.None;
        CreatedRoles = createdRoles ?? [];
        _tables = snapshot.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        _constraints = snapshot.Constraints.ToLookup(c => c.QualifiedTable, StringComparer.Ordinal);
        _indexes = facts.Indexes.ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        _domains = snapshot.Domains.ToDictionary(d => d.QualifiedName, StringComparer.Ordinal);
        _quoted = facts.QuotedNames.ToHashSet(StringComparer.Ordinal);
    }

    public SchemaSnapshot Snapshot { get; }

    public SchemaFacts Facts { get; }

    public HealthSettings Settings { get; }

    public ProductionSizes Sizes { get; }

    public IReadOnlyList<RoleFacts> CreatedRoles { get; }

    /// <summary>Ordinary and partitioned tables, not partitions (they follow their parent) nor foreign tables.</summary>
    public IEnumerable<TableDefinition> Tables => Snapshot.Tables.Where(t => t.Kind != "foreign table" && t.PartitionBound is null);

    public TableDefinition? Table(string qualifiedName) => _tables.GetValueOrDefault(qualifiedName);

    public ColumnDefinition? Column(string qualifiedTable, string column) =>
        Table(qualifiedTable)?.Columns.FirstOrDefault(c => c.Name == column);

    public IEnumerable<ConstraintDefinition> ConstraintsOf(string qualifiedTable) => _constraints[qualifiedTable];

    public IEnumerable<ConstraintDefinition> ForeignKeys => Snapshot.Constraints.Where(c => c.Type == "FOREIGN KEY");

    public IEnumerable<IndexFacts> IndexesOf(string qualifiedTable) => _indexes[qualifiedTable];

    public ConstraintDefinition? PrimaryKey(string qualifiedTable) => ConstraintsOf(qualifiedTable).FirstOrDefault(c => c.Type == "PRIMARY KEY");

    /// <summary>A column's type with domains resolved to the type beneath them, modifiers kept.</summary>
    public string BaseType(string type)
    {
        for (var depth = 0; depth < 16 && _domains.TryGetValue(type, out var domain); depth++)
            type = domain.BaseType;
        return type;
    }

    public bool NeedsQuoting(string name) => _quoted.Contains(name);

    /// <summary>The name as SQL must spell it.</summary>
    public string Quote(string name) => NeedsQuoting(name) ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;

    /// <summary>schema.name as SQL must spell it.</summary>
    public string QuoteQualified(string qualifiedName)
    {
        var (schema, name) = Split(qualifiedName);
        return Quote(schema) + "." + Quote(name);
    }

    public static (string Schema, string Name) Split(string qualifiedName)
    {
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("", qualifiedName) : (qualifiedName[..dot], qualifiedName[(dot + 1)..]);
    }

    public static string SchemaOf(string qualifiedName) => Split(qualifiedName).Schema;
}
