using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution.Data;

/// <summary>Puts a few generated rows into every ordinary table, parents before children.</summary>
internal static class RowSeeder
{
    public const int RowsPerTable = 3;

    /// <param name="insideTransaction">Each row then gets a savepoint, so a rejected row does not abort the transaction.</param>
    public static async Task SeedAsync(NpgsqlConnection connection, SchemaSnapshot schema, bool insideTransaction, CancellationToken cancellationToken)
    {
        // format_type names enums schema-qualified, as the snapshot reads types under a pg_catalog search_path.
        var enums = schema.Enums.ToDictionary(e => $"{e.Schema}.{e.Name}", e => e.Labels, StringComparer.Ordinal);
        foreach (var table in TableOrder.ParentsFirst(schema))
        {
            for (var n = 0; n < RowsPerTable; n++)
            {
                if (InsertStatement(table, schema, n, enums) is not { } insert)
                    break;
                await TryAsync(connection, insert, insideTransaction, cancellationToken);
            }
        }
    }

    private static string? InsertStatement(TableDefinition table, SchemaSnapshot schema, int n, Dictionary<string, ValueList<string>> enums)
    {
        var references = schema.Constraints
            .Where(c => c.Type == "FOREIGN KEY" && c.Schema == table.Schema && c.Table == table.Name && c.References is not null)
            .SelectMany(c => c.Columns.Select((column, k) => (column, parent: c.References!, parentColumn: c.ReferencedColumns[k])))
            .ToDictionary(x => x.column, x => x, StringComparer.Ordinal);
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var column in table.Columns.Where(c => c.Generated is null && c.Identity is null && c.Default is null))
        {
            string? value = references.TryGetValue(column.Name, out var fk)
                // The first parent row: a row every child can point at, whatever the parent's key looks like.
                ? $"(SELECT {Quote(fk.parentColumn)} FROM {QualifiedReference(fk.parent)} ORDER BY ctid LIMIT 1)"
                : SampleValues.For(column.Type, n, enums);
            if (value is null)
            {
                if (column.NotNull)
                    return null; // a type we cannot make up a value for; the table stays empty
                continue;
            }
            columns.Add(Quote(column.Name));
            values.Add(value);
        }
        var target = Qualified(table.Schema, table.Name);
        return columns.Count == 0
            ? $"INSERT INTO {target} DEFAULT VALUES"
            : $"INSERT INTO {target} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
    }

    private static async Task TryAsync(NpgsqlConnection connection, string sql, bool insideTransaction, CancellationToken cancellationToken)
    {
        if (insideTransaction)
            await ExecuteAsync(connection, "SAVEPOINT dbgate_seed", cancellationToken);
        try
        {
            await ExecuteAsync(connection, sql, cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !ServerFault.IsFault(e))
        {
            // A row the table refuses is skipped; a fault of the server ends the run instead (its connection may be closed).
            if (insideTransaction)
                await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbgate_seed", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The snapshot names referenced tables as schema.table, unquoted.</summary>
    internal static string QualifiedReference(string reference)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Quote(reference) : Qualified(reference[..dot], reference[(dot + 1)..]);
    }

    internal static string Qualified(string schema, string name) => Quote(schema) + "." + Quote(name);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
