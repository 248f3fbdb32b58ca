using DbGate.Core.Provenance;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema;

/// <summary>Shared spelling for the schema rules: findings with the rule's id, and the objects they name.</summary>
internal abstract class SchemaRule(string id) : ISchemaRule
{
    public string Id => id;

    public abstract IEnumerable<SchemaFinding> Check(SchemaModel schema);

    protected SchemaFinding Found(ObjectId subject, string qualifiedTableOrSchema, string message, bool isTable = true) =>
        new(Id, subject, isTable ? SchemaModel.SchemaOf(qualifiedTableOrSchema) : qualifiedTableOrSchema, isTable ? qualifiedTableOrSchema : null, message);

    protected static ObjectId ConstraintId(ConstraintDefinition c) => new(SchemaObjectKind.Constraint, c.QualifiedTable + "." + c.Name);

    /// <summary>An index that implements a constraint is that constraint, as the snapshot names it.</summary>
    protected static ObjectId IndexId(IndexFacts i) =>
        i.Constraint is { } c ? new(SchemaObjectKind.Constraint, i.QualifiedTable + "." + c) : new(SchemaObjectKind.Index, i.QualifiedName);

    protected static string IndexLabel(IndexFacts i) =>
        i.Constraint is { } c ? $"{(i.Primary ? "primary key" : i.Unique ? "unique constraint" : "exclusion constraint")} {c}" : $"index {i.QualifiedName}";

    protected static string Columns(IEnumerable<string> columns) => string.Join(", ", columns);

    protected static string Columns(SchemaModel schema, IEnumerable<string> columns) => string.Join(", ", columns.Select(schema.Quote));
}
