using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Snapshots;

/// <summary>Reads <see cref="SchemaFacts"/> in one statement, with the snapshot's prelude, so both see the same objects.</summary>
public static class SchemaFactsReader
{
    private static readonly string[] Kinds = ["indexes", "view_relations", "restore_functions", "roles", "quoted_names"];

    private static readonly Lazy<string> Statement = new(Build);

    /// <param name="snapshot">The schema read with the same prelude; the server judges which of its names need quoting.</param>
    public static async Task<SchemaFacts> ReadAsync(NpgsqlConnection connection, SchemaSnapshot snapshot, SnapshotOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        // Privileges are not needed here; the schema names the server judges come after the prelude's three parameters.
        var query = SnapshotQuery.Command(Statement.Value, options, includePrivileges: false);
        query.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. SchemaNames.Of(snapshot)] });
        var document = await SnapshotQuery.ReadDocumentAsync(connection, query, prepare: false, "schema facts", cancellationToken).ConfigureAwait(false);
        var facts = JsonSerializer.Deserialize(document, SchemaFactsJsonContext.Default.SchemaFacts)
            ?? throw new InvalidOperationException("The schema facts query returned null.");
        return facts with { RestoreFunctions = await ObserveRestoreAsync(connection, facts.RestoreFunctions, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Observes, rather than guesses, whether a SQL function survives pg_restore's empty search_path: re-creates it
    /// from its own definition with search_path = '' and check_function_bodies on, in a transaction rolled back at once,
    /// so PostgreSQL's parser resolves every name in the body exactly as a restore would. A handful of functions at most.
    /// </summary>
    private static async Task<IReadOnlyList<RestoreFunctionUse>> ObserveRestoreAsync(NpgsqlConnection connection, IReadOnlyList<RestoreFunctionUse> uses, CancellationToken cancellationToken)
    {
        var verdicts = new Dictionary<long, (bool? Breaks, string? Failure)>();
        foreach (var oid in uses.Where(u => u.Language == "sql").Select(u => u.Oid).Distinct())
            verdicts[oid] = await RecreateWithEmptySearchPathAsync(connection, oid, cancellationToken).ConfigureAwait(false);
        return [.. uses.Select(u => verdicts.TryGetValue(u.Oid, out var v) ? u with { BreaksWithEmptySearchPath = v.Breaks, Failure = v.Failure } : u)];
    }

    private static async Task<(bool? Breaks, string? Failure)> RecreateWithEmptySearchPathAsync(NpgsqlConnection connection, long oid, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var settings = new NpgsqlCommand("SELECT pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('check_function_bodies', 'on', true)", connection, transaction))
                await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            string definition;
            await using (var read = new NpgsqlCommand("SELECT pg_catalog.pg_get_functiondef($1::pg_catalog.oid)", connection, transaction) { Parameters = { new NpgsqlParameter<long> { TypedValue = oid } } })
                definition = (string)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand(definition) } };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return (false, null);
        }
        catch (PostgresException e) when (!Execution.ServerFault.IsFault(e))
        {
            // Not its owner (an existing database): nothing observed.
            return e.SqlState == PostgresErrorCodes.InsufficientPrivilege ? (null, null) : (true, e.MessageText);
        }
        finally
        {
            // On a connection the fault broke there is nothing to roll back, and trying would hide the fault.
            if (connection.State == System.Data.ConnectionState.Open)
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Build() =>
        SnapshotQuery.Build("facts", Kinds, "'server_version', current_setting('server_version_num')::int,\n'current_user', current_user,\n");
}
