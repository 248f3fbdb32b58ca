using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG216: timestamp without time zone, which records a wall-clock reading, not an instant.</summary>
internal sealed class TimestampWithoutTimeZone() : ColumnTypeRule("DBG216")
{
    protected override bool Matches(string type) => ColumnTypes.IsTimestampWithoutTimeZone(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: it stores a wall-clock reading with no zone, so the same instant reads differently from sessions in other "
        + $"time zones and comparisons with now() depend on the session's TimeZone; {Alter(schema, table, column, type.Replace("without time zone", "with time zone", StringComparison.Ordinal))} USING {schema.Quote(column.Name)} AT TIME ZONE 'UTC' (if the values are UTC)";
}
