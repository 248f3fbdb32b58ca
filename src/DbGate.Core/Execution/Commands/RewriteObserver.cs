using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>A table, index or materialized view rewritten by a step keeps its OID and gets a new relfilenode.</summary>
internal sealed class RewriteObserver : ICommandObserver
{
    private const string Files = """
        SELECT c.oid::bigint, format('%s %I.%I', CASE c.relkind WHEN 'i' THEN 'index' WHEN 'm' THEN 'materialized view' ELSE 'table' END, n.nspname, c.relname), c.relfilenode::bigint
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'i', 'm') AND c.relfilenode <> 0
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
        """;

    public async Task<ICommandWatch> WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new Watch(await ReadAsync(connection, cancellationToken));

    private static async Task<Dictionary<long, (string Name, long File)>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var files = new Dictionary<long, (string, long)>();
        await using var command = new NpgsqlCommand(Files, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            files[reader.GetInt64(0)] = (reader.GetString(1), reader.GetInt64(2));
        return files;
    }

    private sealed class Watch(Dictionary<long, (string Name, long File)> before) : ICommandWatch
    {
        public async Task<CommandObservation> StopAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var after = await ReadAsync(connection, cancellationToken);
            var rewritten = before
                .Where(b => after.TryGetValue(b.Key, out var now) && now.File != b.Value.File)
                .Select(b => after[b.Key].Name)
                .Order(StringComparer.Ordinal)
                .ToList();
            return new CommandObservation(rewritten);
        }
    }
}
