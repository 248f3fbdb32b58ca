using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Snapshots;

/// <summary>
/// Reads a <see cref="SchemaSnapshot"/> in one round trip (two the first time on a connection, to prepare),
/// seeing whatever the connection's transaction sees.
/// </summary>
public static class SnapshotReader
{
    /// <summary>
    /// Reads the schema as the connection currently sees it, uncommitted DDL of an open transaction included.
    /// Leaves the session's search_path as it found it. Prepares the statement on first use: the gate snapshots
    /// hundreds of times on one connection and planning is a large share of the cost.
    /// </summary>
    public static async Task<SchemaSnapshot> ReadAsync(
        NpgsqlConnection connection, SnapshotOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);

        var query = new NpgsqlBatchCommand(SnapshotQuery.Statement)
        {
            Parameters =
            {
                new NpgsqlParameter<bool> { NpgsqlDbType = NpgsqlDbType.Boolean, TypedValue = options.IncludePrivileges },
                new NpgsqlParameter<string[]>
                {
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. options.HistoryTables],
                },
                new NpgsqlParameter<string[]>
                {
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. options.HistorySchemas],
                },
            },
        };
        await using var batch = SearchPathGuard.Wrap(connection, query);
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        byte[] document;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < SearchPathGuard.LeadingResults; i++)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The snapshot query returned no row.");
            }
            document = await reader.GetFieldValueAsync<byte[]>(0, cancellationToken).ConfigureAwait(false);
        }
        var snapshot = JsonSerializer.Deserialize(document, SnapshotJsonContext.Default.SchemaSnapshot)
            ?? throw new InvalidOperationException("The snapshot query returned null.");
        SnapshotDigest.Remember(snapshot, document);
        return snapshot;
    }
}
