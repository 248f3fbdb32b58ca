namespace DbGate.Core.Snapshots;

/// <summary>A primary key, unique, foreign key, check or exclusion constraint of a table.</summary>
/// <param name="Type"><c>PRIMARY KEY</c>, <c>UNIQUE</c>, <c>FOREIGN KEY</c>, <c>CHECK</c> or <c>EXCLUDE</c>.</param>
/// <param name="Clause">The whole definition as <c>pg_get_constraintdef</c> prints it; the other fields explain it.</param>
/// <param name="References">For a foreign key, the referenced table as schema.name.</param>
/// <param name="OnUpdate">For a foreign key: <c>NO ACTION</c>, <c>RESTRICT</c>, <c>CASCADE</c>, <c>SET NULL</c> or <c>SET DEFAULT</c>.</param>
/// <param name="Match">For a foreign key: <c>MATCH SIMPLE</c>, <c>MATCH FULL</c> or <c>MATCH PARTIAL</c>.</param>
/// <param name="Validated">False for a constraint added NOT VALID and not validated since.</param>
public sealed record ConstraintDefinition(
    string Schema,
    string Table,
    string Name,
    string Type,
    string Clause,
    ValueList<string> Columns,
    string? References,
    ValueList<string> ReferencedColumns,
    string? OnUpdate,
    string? OnDelete,
    string? Match,
    bool Deferrable,
    bool Deferred,
    bool Validated,
    bool NoInherit,
    string? Comment)
{
    internal string QualifiedTable => Schema + "." + Table;
}
