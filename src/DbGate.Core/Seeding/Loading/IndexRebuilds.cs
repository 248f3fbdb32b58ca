using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>An index dropped before loading, with what rebuilds it unchanged.</summary>
/// <param name="Constraint">The primary key, unique or exclusion constraint it backs; null for a plain index.</param>
/// <param name="Definition">pg_get_constraintdef for a constraint, else pg_get_indexdef (a whole CREATE INDEX).</param>
internal sealed record DroppedIndex(TablePlan Table, string Name, string? Constraint, string Definition, string? IndexComment, string? ConstraintComment);

/// <summary>
/// The indexes of big tables are dropped before loading and built again afterwards, from their definitions as the
/// server prints them: one sort per index instead of one insertion per row (bench/seed.sh: README, "Measured").
/// Only those the server can rebuild exactly as they were: on plain tables the role owns, in the default
/// tablespace, not clustered on, not the replica identity, not part of a partitioned index, without a statistics
/// target of their own, and with nothing depending on them (the plan's bulk-checked foreign keys are already
/// dropped; any other key needs its parent's index while rows arrive). The schema ends as it began; a unique key
/// the rows repeat fails the rebuild, inside the seeding transaction, as the COPY would have.
/// </summary>
internal static class IndexRebuilds
{
    /// <summary>Below this many rows, inserting into the index costs less than the statements that rebuild it.</summary>
    public const long MinRows = 10_000;

    private const string Droppable = """
        SELECT n.nspname::text, t.relname::text, i.relname::text, con.conname::text,
               CASE WHEN con.oid IS NULL THEN pg_get_indexdef(x.indexrelid) ELSE pg_get_constraintdef(con.oid) END,
               obj_description(x.indexrelid, 'pg_class'), obj_description(con.oid, 'pg_constraint')
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')
        WHERE x.indrelid = ANY ($1::regclass[])
          AND t.relkind = 'r' AND NOT t.relispartition AND pg_has_role(t.relowner, 'USAGE')
          AND i.reltablespace = 0 AND x.indisvalid AND x.indisready AND NOT x.indisclustered AND NOT x.indisreplident
          AND (con.oid IS NULL OR con.conname = i.relname)
          AND NOT (x.indisprimary AND current_setting('server_version_num')::int >= 180000)
          AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = x.indexrelid OR h.inhparent = x.indexrelid)
          AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = x.indexrelid AND a.attstattarget > 0)
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = x.indexrelid AND d.deptype = 'n')
        ORDER BY 1, 2, 3
        """;

    /// <summary>Drops the indexes of the plan's big generated tables that can be rebuilt unchanged; call after the bulk foreign keys are dropped.</summary>
    public static async Task<IReadOnlyList<DroppedIndex>> DropAsync(NpgsqlConnection connection, SeedPlan plan, CancellationToken cancellationToken)
    {
        var big = plan.Tables.Where(t => t.Source == SeedSource.Generated && t.Rows >= MinRows && t.Table.Owned && !t.Table.Partition).ToList();
        if (big.Count == 0)
            return [];
        var byName = big.ToDictionary(t => t.Table.QualifiedName, StringComparer.Ordinal);
        var dropped = new List<DroppedIndex>();
        await using (var command = new NpgsqlCommand(Droppable, connection) { Parameters = { new() { Value = big.Select(t => t.Table.Sql).ToArray() } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add(new DroppedIndex(byName[reader.GetString(0) + "." + reader.GetString(1)], reader.GetString(2), Text(reader, 3), reader.GetString(4), Text(reader, 5), Text(reader, 6)));
            }
        }
        if (dropped.Count == 0)
            return [];
        await using var batch = new NpgsqlBatch(connection);
        foreach (var index in dropped)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(index.Constraint is { } name
                ? $"ALTER TABLE {index.Table.Table.Sql} DROP CONSTRAINT {SqlNames.Quote(name)}"
                : $"DROP INDEX {SqlNames.Qualified(index.Table.Table.Schema, index.Name)}"));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return dropped;
    }

    /// <summary>Builds the dropped indexes again, with their comments; call before the foreign keys that need them are added back.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, IReadOnlyList<DroppedIndex> dropped, CancellationToken cancellationToken)
    {
        foreach (var index in dropped)
        {
            var table = index.Table.Table;
            try
            {
                await ScriptExecutor.ExecuteAsync(connection, index.Constraint is { } name
                    ? $"ALTER TABLE {table.Sql} ADD CONSTRAINT {SqlNames.Quote(name)} {index.Definition}"
                    : index.Definition, cancellationToken);
            }
            catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
            {
                throw LoadErrors.Explain(e, index.Table);
            }
            if (index.ConstraintComment is { } constraintComment)
                await ScriptExecutor.ExecuteAsync(connection, $"COMMENT ON CONSTRAINT {SqlNames.Quote(index.Constraint!)} ON {table.Sql} IS {SqlNames.Literal(constraintComment)}", cancellationToken);
            if (index.IndexComment is { } indexComment)
                await ScriptExecutor.ExecuteAsync(connection, $"COMMENT ON INDEX {SqlNames.Qualified(table.Schema, index.Name)} IS {SqlNames.Literal(indexComment)}", cancellationToken);
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
