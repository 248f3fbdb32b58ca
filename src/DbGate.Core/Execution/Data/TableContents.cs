using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution.Data;

/// <summary>
/// The rows of every table, each as jsonb text: jsonb sorts keys, so a column that comes back in another
/// position (reported by the schema check) does not also count as changed data.
/// </summary>
internal sealed record TableContents(IReadOnlyDictionary<string, IReadOnlyList<string>> Rows)
{
    /// <summary>Beyond this many rows a table is compared by count only: migrations' seed data can be large.</summary>
    private const int RowsCompared = 1000;

    public static async Task<TableContents> ReadAsync(NpgsqlConnection connection, SchemaSnapshot schema, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in TableOrder.ParentsFirst(schema))
        {
            var name = Seeding.Catalog.SqlNames.Qualified(table.Schema, table.Name);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands = { new NpgsqlBatchCommand($"SELECT to_jsonb(t)::text FROM {name} t ORDER BY 1 LIMIT {RowsCompared + 1}") },
            };
            var list = new List<string>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    list.Add(reader.GetString(0));
            }
            rows[$"{table.Schema}.{table.Name}"] = list;
        }
        return new TableContents(rows);
    }

    /// <summary>One line per table whose rows did not survive, with an example; tables gone entirely are the schema check's business.</summary>
    public IReadOnlyList<string> LostIn(TableContents after)
    {
        var differences = new List<string>();
        foreach (var (table, before) in Rows)
        {
            if (!after.Rows.TryGetValue(table, out var now) || before.Count == 0)
                continue;
            var missing = before.Except(now, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                differences.Add($"table {table}: {missing.Count} of {before.Count} rows lost or changed, for example {Shorten(missing[0])}");
        }
        return differences;
    }

    private static string Shorten(string row) => row.Length <= 200 ? row : row[..197] + "...";
}
