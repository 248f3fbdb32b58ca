namespace DbGate.Core.Snapshots;

/// <summary>
/// Remembers which schemas, tables and views are reported as wholly missing or left behind, so that what they contain
/// is left out instead of being listed object by object: "schema x was left behind" says it all.
/// </summary>
internal sealed class DiffScope
{
    public HashSet<string> VanishedSchemas { get; } = new(StringComparer.Ordinal);

    public HashSet<string> VanishedRelations { get; } = new(StringComparer.Ordinal);

    public IEnumerable<T> Keep<T>(IEnumerable<T> items, Func<T, string> schema) =>
        items.Where(item => !VanishedSchemas.Contains(schema(item)));

    public IEnumerable<ConstraintDefinition> Keep(IEnumerable<ConstraintDefinition> items) =>
        items.Where(c => KeepsTable(c.Schema, c.QualifiedTable));

    public IEnumerable<IndexDefinition> Keep(IEnumerable<IndexDefinition> items) =>
        items.Where(i => KeepsTable(i.Schema, i.QualifiedTable));

    public IEnumerable<TriggerDefinition> Keep(IEnumerable<TriggerDefinition> items) =>
        items.Where(t => KeepsTable(t.Schema, t.QualifiedTable));

    public IEnumerable<PolicyDefinition> Keep(IEnumerable<PolicyDefinition> items) =>
        items.Where(p => KeepsTable(p.Schema, p.QualifiedTable));

    public IEnumerable<SequenceDefinition> Keep(IEnumerable<SequenceDefinition> items) =>
        items.Where(s => !VanishedSchemas.Contains(s.Schema) && (s.OwnedByTable is null || !VanishedRelations.Contains(s.OwnedByTable)));

    public SchemaSnapshot Keep(SchemaSnapshot snapshot) =>
        snapshot with
        {
            Enums = ValueList.From(Keep(snapshot.Enums, t => t.Schema)),
            Domains = ValueList.From(Keep(snapshot.Domains, t => t.Schema)),
            CompositeTypes = ValueList.From(Keep(snapshot.CompositeTypes, t => t.Schema)),
        };

    private bool KeepsTable(string schema, string qualifiedTable) =>
        !VanishedSchemas.Contains(schema) && !VanishedRelations.Contains(qualifiedTable);
}
