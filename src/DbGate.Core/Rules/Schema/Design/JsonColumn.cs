using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG215: json where jsonb would do.</summary>
internal sealed class JsonColumn() : ColumnTypeRule("DBG215")
{
    protected override bool Matches(string type) => ColumnTypes.IsJson(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: json keeps the text and parses it on every access, has no equality operator (no DISTINCT, GROUP BY or unique index) "
        + $"and no GIN indexing; {Alter(schema, table, column, type.Replace("json", "jsonb", StringComparison.Ordinal))}";
}
