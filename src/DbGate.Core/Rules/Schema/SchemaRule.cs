using DbGate.Core.Provenance;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema;

/// <summary>Shared spelling for the schema rules: findings with the rule's id, and the objects they name.</summary>
internal abstract class SchemaRule(string id) : ISchemaRule
{
    public string Id => id;

    public abstract IEnumerable<SchemaFinding> Check(SchemaModel schema);

    /// <summary>A finding on a table or something of it: health.exclude matches it by the table and its schema.</summary>
    protected SchemaFinding Found(ObjectId subject, string qualifiedTable, string message) =>
        new(Id, subject, SchemaModel.SchemaOf(qualifiedTable), qualifiedTable, message);

    /// <summary>A finding on something of a schema but of no table (a function, a view, a sequence…): health.exclude
    /// matches it by the schema.</summary>
    protected SchemaFinding FoundInSchema(ObjectId subject, string schema, string message) =>
        new(Id, subject, schema, null, message);


    /// <summary>An index that implements a constraint is that constraint, as the snapshot names it.</summary>
    protected static ObjectId IndexId(IndexFacts i) =>
        i.Constraint is { } c ? ObjectId.Constraint(i.QualifiedTable, c) : new(SchemaObjectKind.Index, i.QualifiedName);

    protected static string IndexLabel(IndexFacts i) =>
        i.Constraint is { } c ? $"{(i.Primary ? "primary key" : i.Unique ? "unique constraint" : "exclusion constraint")} {c}" : $"index {i.QualifiedName}";

    protected static string Columns(IEnumerable<string> columns) => string.Join(", ", columns);

    protected static string Columns(SchemaModel schema, IEnumerable<string> columns) => string.Join(", ", columns.Select(schema.Quote));
}
