using System.Globalization;
using System.Runtime.CompilerServices;
using DbGate.Core.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Observation;

/// <summary>
/// Sends a statement together with what observes it, in one round trip: the settings and counts before it, the
/// statement itself, and the prepared observation after it under a pinned search_path.
/// </summary>
internal static class ObservedBatch
{
    private static readonly ConditionalWeakTable<NpgsqlConnection, object> PreparedOn = [];

    /// <summary>What the command sent just before the statement read.</summary>
    public sealed record BeforeRow(SessionSettings Settings, double Clock, long[] Scans);

    public sealed record Result(BeforeRow? Before, ObservedAfter After, long RowsAffected, string[] Gone);

    /// <summary>Prepares the observation on this connection unless it already is (prepared statements outlive rollbacks).</summary>
    public static async Task EnsurePreparedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (PreparedOn.TryGetValue(connection, out _))
            return;
        // Planned under the search_path it always runs under, so PostgreSQL never has to analyse it again.
        await using var batch = SearchPathGuard.Wrap(connection, new NpgsqlBatchCommand(ObservationSql.Prepare));
        batch.BatchCommands.Insert(SearchPathGuard.LeadingResults + 1, new NpgsqlBatchCommand(ObservationSql.PrepareOutside));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ObservationSql.PrepareBefore));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        PreparedOn.AddOrUpdate(connection, new object());
    }

    /// <summary>DEALLOCATE ALL or DISCARD in a migration removes the prepared observation with everything else.</summary>
    public static void Forget(NpgsqlConnection connection) => PreparedOn.Remove(connection);

    /// <summary>
    /// The prepared command that runs right before a statement. EXECUTE takes no bind parameters, so the values are
    /// literals; they are numbers DbGate produced, nothing a migration wrote.
    /// </summary>
    public static NpgsqlBatchCommand Before(long afterCid, string firstXid, long[] tables, bool readCounts = true)
    {
        if (!firstXid.All(char.IsAsciiDigit))
            throw new ArgumentException($"not a transaction id: {firstXid}", nameof(firstXid));
        var oids = string.Join(",", tables.Select(t => t.ToString(CultureInfo.InvariantCulture)));
        return new($"EXECUTE {ObservationSql.BeforeName}('{afterCid.ToString(CultureInfo.InvariantCulture)}', '{firstXid}', '{{{oids}}}', {(readCounts ? "false" : "true")})");
    }

    /// <summary>
    /// Runs <paramref name="commands"/> (which hold the statement and the before command) followed by the guarded
    /// observation, and reads the results back; throws the statement's PostgresException when it fails.
    /// </summary>
    /// <param name="statement">The user's statement among <paramref name="commands"/>, whose rows affected are reported.</param>
    /// <param name="trailing">Commands after the observation, such as COMMIT.</param>
    public static async Task<Result> RunAsync(
        NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> commands, NpgsqlBatchCommand? statement, long[]? knownRelations,
        IReadOnlyList<NpgsqlBatchCommand> trailing, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        // The observation restores the caller's search_path itself (statement.sql's last row). Known relations are
        // passed exactly for a statement that ran outside a transaction block.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(SearchPathGuard.StashAndPin));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(knownRelations is null ? ObservationSql.Execute : ObservationSql.ExecuteOutside));
        if (knownRelations is not null)
            batch.BatchCommands.Add(Vanished(knownRelations));
        foreach (var command in trailing)
            batch.BatchCommands.Add(command);

        BeforeRow? before = null;
        ObservedAfter? after = null;
        var gone = Array.Empty<string>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (reader.FieldCount == 0)
                    continue;
                if (reader.GetName(0) == ObservedRows.Marker)
                {
                    after = await ObservedRows.ReadAsync(reader, cancellationToken);
                    continue;
                }
                if (!await reader.ReadAsync(cancellationToken))
                    continue;
                switch (reader.GetName(0))
                {
                    case "dbgate_before":
                        before = new BeforeRow(
                            new SessionSettings(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                            reader.GetDouble(6),
                            reader.IsDBNull(7) ? [] : reader.GetFieldValue<long[]>(7));
                        break;
                    case "dbgate_vanished":
                        gone = reader.IsDBNull(0) ? [] : reader.GetFieldValue<string[]>(0);
                        break;
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        return new Result(before, after ?? throw new InvalidOperationException("The observation returned nothing."), statement?.RecordsAffected ?? -1, gone);
    }

    // Outside a transaction no lock outlives a drop (DROP INDEX CONCURRENTLY): compare with the relations known.
    private static NpgsqlBatchCommand Vanished(long[] relations) =>
        new("SELECT pg_catalog.array_agg(o::text) AS dbgate_vanished FROM pg_catalog.unnest($1::pg_catalog.int8[]) o "
            + "WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = o::pg_catalog.oid)")
        {
            Parameters = { new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = relations } },
        };
}
