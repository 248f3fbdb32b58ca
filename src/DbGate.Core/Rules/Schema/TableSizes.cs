namespace DbGate.Core.Rules.Schema;

/// <summary>
/// Production row counts, the only size facts the health checks read: CI's tables are empty. Fed from dbgate.yml's
/// <c>lint.tables</c> today; the lint's stats export can feed the same record.
/// </summary>
/// <param name="Rows">By schema.name, or by bare name to match the table in any schema.</param>
public sealed record TableSizes(IReadOnlyDictionary<string, double> Rows)
{
    public static TableSizes None { get; } = new(new Dictionary<string, double>());

    public double? RowsOf(string qualifiedName)
    {
        if (Rows.TryGetValue(qualifiedName, out var rows))
            return rows;
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && Rows.TryGetValue(qualifiedName[(dot + 1)..], out rows) ? rows : null;
    }
}
