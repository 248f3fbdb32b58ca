using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG217: money, whose meaning follows the server's lc_monetary.</summary>
internal sealed class MoneyColumn() : ColumnTypeRule("DBG217")
{
    protected override bool Matches(string type) => ColumnTypes.IsMoney(type);

    protected override string Message(SchemaModel schema, TableDefinition table, ColumnDefinition column, string type) =>
        $"{table.QualifiedName}.{column.Name} is {type}: its currency and fractional digits follow the server's lc_monetary, so a dump restored elsewhere can read "
        + $"different amounts, and it holds no currency; {Alter(schema, table, column, type.Replace("money", "numeric(19,4)", StringComparison.Ordinal))}, with a currency column if you hold more than one";
}
