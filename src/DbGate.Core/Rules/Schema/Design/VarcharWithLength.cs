using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG219: varchar(n), whose limit is a business rule in the wrong place.</summary>
internal sealed class VarcharWithLength() : ColumnTypeRule("DBG219")
{
    protected override bool Matches(string type) => ColumnTypes.IsVarcharWithLength(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: the limit is stored nowhere else, raising it later means ALTER TYPE, and text is just as fast; "
        + $"{Alter(schema, table, column, "text")}, with CHECK (length({schema.Quote(column.Name)}) <= n) if the limit is a rule";
}
