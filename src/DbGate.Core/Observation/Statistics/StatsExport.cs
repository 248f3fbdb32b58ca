using Npgsql;

namespace DbGate.Core.Observation.Statistics;

/// <summary>Reads table sizes from a server's catalog and statistics views: no table's rows are read.</summary>
public static class StatsExport
{
    // reltuples is -1 for a table never vacuumed or analysed (PostgreSQL 14+); n_live_tup is the collector's count.
    private const string Query = """
        SELECT n.nspname, c.relname,
               CASE WHEN c.relkind = 'p' THEN coalesce((SELECT sum(greatest(p.reltuples, coalesce(s2.n_live_tup, 0)))
                                                        FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhrelid
                                                        LEFT JOIN pg_catalog.pg_stat_all_tables s2 ON s2.relid = p.oid
                                                        WHERE i.inhparent = c.oid), 0)
                    ELSE greatest(c.reltuples, coalesce(s.n_live_tup, 0)) END::float8,
               c.relpages::int8,
               pg_catalog.pg_total_relation_size(c.oid)::int8
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
        WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
        ORDER BY 1, 2
        """;

    public static async Task<StatsFile> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Providers.ConnectionStrings.Parse(connectionString);
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (Providers.ConnectionStrings.IsUnreachable(e))
        {
            throw Providers.ConnectionStrings.Unreachable(builder, e);
        }
        var tables = new List<TableStats>();
        await using (var command = new NpgsqlCommand(Query, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                tables.Add(new TableStats(reader.GetString(0), reader.GetString(1), Math.Max(0, reader.GetDouble(2)), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return new StatsFile(StatsFile.CurrentFormat, $"PostgreSQL {connection.PostgreSqlVersion}", DateTimeOffset.UtcNow, tables);
    }
}
