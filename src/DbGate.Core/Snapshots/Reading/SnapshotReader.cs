using System.Text.Json;
using Npgsql;

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

        var query = SnapshotQuery.Command(SnapshotQuery.Statement, options, options.IncludePrivileges);
        var document = await SnapshotQuery.ReadDocumentAsync(connection, query, prepare: true, "snapshot", cancellationToken).ConfigureAwait(false);
        var snapshot = JsonSerializer.Deserialize(document, SnapshotJsonContext.Default.SchemaSnapshot)
            ?? throw new InvalidOperationException("The snapshot query returned null.");
        SnapshotDigest.Remember(snapshot, document);
        return snapshot;
    }
}
