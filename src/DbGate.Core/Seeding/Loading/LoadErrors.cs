using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// PostgreSQL refusing generated rows means DbGate read the schema's constraints short (a CHECK beyond the shapes
/// it understands, say): one line naming the table, the constraint and the way out, at the table's dbgate.yml line.
/// </summary>
internal static class LoadErrors
{
    public static ConfigurationException Explain(PostgresException e, TablePlan plan)
    {
        var subject = $"seed: {Columns(plan, e)}";
        // Without Include Error Detail, Npgsql puts a notice where the detail would be: not worth a user's reading.
        var detail = e.Detail is { Length: > 0 } d && !d.StartsWith("Detail redacted", StringComparison.Ordinal) ? $" ({Shorten(d)})" : "";
        var message = e.SqlState switch
        {
            PostgresErrorCodes.CheckViolation when e.ConstraintName is null => $"generated rows fall outside every partition{detail}; bound the partition key with min and max in seed.columns, or add a DEFAULT partition",
            PostgresErrorCodes.CheckViolation => $"generated rows violate CHECK {e.ConstraintName}{Clause(plan, e.ConstraintName)}{detail}; DbGate reads ranges, IN lists, lengths and comparisons with constants, not this; give the column values or sql in seed.columns",
            PostgresErrorCodes.UniqueViolation => $"generated rows repeat a key of {e.ConstraintName}{detail}; give the column values or sql in seed.columns",
            PostgresErrorCodes.ForeignKeyViolation => $"generated rows break foreign key {e.ConstraintName}{detail}",
            PostgresErrorCodes.NotNullViolation => $"column {e.ColumnName} got NULL{detail}",
            _ => $"PostgreSQL refused the generated rows: {e.MessageText}{detail}{Where(e)}",
        };
        return LocatedError.At(Computed(plan, e)?.Location ?? plan.Location, subject, message);
    }

    /// <summary>The table and the columns of the constraint the rows broke (<c>t.a, t.b</c>), or the table alone.</summary>
    private static string Columns(TablePlan plan, PostgresException e) =>
        ConstraintColumns(plan, e) is { Count: > 0 } columns ? string.Join(", ", columns.Select(c => $"{plan.Table.Display}.{c}")) : plan.Table.Display;

    /// <summary>A column dbgate.yml gives as sql: among those the broken constraint covers: the rows broke it through that entry.</summary>
    private static ComputedColumn? Computed(TablePlan plan, PostgresException e) =>
        ConstraintColumns(plan, e) is { } columns ? plan.Computed.FirstOrDefault(c => columns.Contains(c.Column.Name)) : null;

    private static IReadOnlyList<string>? ConstraintColumns(TablePlan plan, PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.CheckViolation => plan.Table.Checks.FirstOrDefault(c => c.Name == e.ConstraintName)?.Columns,
        PostgresErrorCodes.UniqueViolation => plan.Table.UniqueKeys.FirstOrDefault(k => k.Name == e.ConstraintName)?.AllColumns,
        PostgresErrorCodes.NotNullViolation when e.ColumnName is { } column => [column],
        _ => null,
    };

    private static string Clause(TablePlan plan, string? name) =>
        plan.Table.Checks.FirstOrDefault(c => c.Name == name) is { } check ? $" {check.Clause}" : "";

    private static string Where(PostgresException e) => e.Where is { Length: > 0 } where ? $" ({Shorten(where.Split('\n')[0])})" : "";

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 160 ? text : text[..157] + "...";
    }
}
