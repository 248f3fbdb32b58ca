using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG233: a column of a reg* type that pg_upgrade refuses to carry over.</summary>
internal sealed class TypeBlockingUpgrade() : ColumnTypeRule("DBG233")
{
    protected override bool Matches(string type) => ColumnTypes.IsUnsupportedByUpgrade(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}, which stores OIDs that differ between clusters: pg_upgrade refuses a database with such a column, "
        + $"so the next major-version upgrade must dump and restore instead; store the name as text (or regclass/regtype, which pg_upgrade handles): {Alter(schema, table, column, "text")}";
}
