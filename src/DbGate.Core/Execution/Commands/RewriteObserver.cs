using DbGate.Core.Observation;
using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>A table, index or materialized view rewritten by a step keeps its OID and gets a new relfilenode.</summary>
internal sealed class RewriteObserver : ICommandObserver
{
    private const string Files = """
        SELECT c.oid::bigint, format('%I.%I', n.nspname, c.relname), c.relkind::text, c.relfilenode::bigint,
               coalesce(t.oid, c.oid)::bigint, CASE WHEN t.oid IS NULL THEN format('%I.%I', n.nspname, c.relname) ELSE format('%I.%I', tn.nspname, t.relname) END
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
        LEFT JOIN pg_catalog.pg_class t ON t.oid = i.indrelid LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        WHERE c.relkind IN ('r', 'i', 'm') AND c.relfilenode <> 0
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
        """;

    public async Task<ICommandWatch> WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new Watch(await ReadAsync(connection, cancellationToken));

    private static async Task<Dictionary<long, File>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var files = new Dictionary<long, File>();
        await using var command = new NpgsqlCommand(Files, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            files[reader.GetInt64(0)] = new File(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), new RelationRef(reader.GetInt64(4), reader.GetString(5)));
        return files;
    }

    private sealed record File(string Name, string Kind, long Node, RelationRef Table)
    {
        // As the observation layer names what a rewrite copied; a materialized view's rows are a table's.
        public string What => Kind == "i" ? "index" : "table";
    }

    private sealed class Watch(Dictionary<long, File> before) : ICommandWatch
    {
        public async Task<CommandObservation> StopAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var after = await ReadAsync(connection, cancellationToken);
            var rewrites = before
                .Where(b => after.TryGetValue(b.Key, out var now) && now.Node != b.Value.Node)
                .Select(b => (Oid: b.Key, Before: b.Value, After: after[b.Key]))
                .Select(r => new Rewrite(r.Oid, r.After.Name, r.After.What, r.After.Table, r.Before.Node, r.After.Node))
                .OrderBy(r => r.What, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            return new CommandObservation(rewrites, []);
        }
    }
}
