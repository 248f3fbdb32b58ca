using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG220: timetz, a time of day with a fixed offset, which no daylight-saving rule can apply to.</summary>
internal sealed class TimeWithTimeZone() : ColumnTypeRule("DBG220")
{
    protected override bool Matches(string type) => ColumnTypes.IsTimeWithTimeZone(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: a time of day with a fixed UTC offset and no date cannot follow daylight saving time, and PostgreSQL's "
        + $"own documentation advises against it; use timestamptz for an instant, or time plus a time zone name column; {Alter(schema, table, column, "timestamptz")} USING ...";
}
