using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG218: char(n), blank-padded to its length.</summary>
internal sealed class FixedCharColumn() : ColumnTypeRule("DBG218")
{
    protected override bool Matches(string type) => ColumnTypes.IsFixedChar(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: values are padded with blanks to the length, the blanks are ignored in some comparisons and not in others "
        + $"(LIKE, concatenation), and it is no faster than text; {Alter(schema, table, column, "text")} (add a CHECK on length() if the length matters)";
}
