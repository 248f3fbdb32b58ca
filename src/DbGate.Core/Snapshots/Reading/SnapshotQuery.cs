using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Snapshots;

/// <summary>
/// Assembles the snapshot statement from one SQL file per object kind: a shared prelude of CTEs, then one
/// <c>json_build_object</c> whose keys are the <see cref="SchemaSnapshot"/> properties in snake_case, sent as UTF-8
/// bytes so that the client neither decodes it into a string nor encodes it back for the JSON reader. The schema
/// facts statement is built and read the same way, after the same prelude.
/// </summary>
internal static class SnapshotQuery
{
    private static readonly string[] Kinds =
    [
        "schemas", "extensions", "tables", "constraints", "indexes", "views", "sequences", "routines",
        "triggers", "policies", "enums", "domains", "composite_types", "default_privileges",
    ];

    public static string Statement { get; } = Build("snapshots", Kinds);

    /// <summary>The prelude, then one JSON object of <paramref name="leading"/> members and each kind's query from
    /// <paramref name="folder"/>, as UTF-8 bytes.</summary>
    internal static string Build(string folder, IReadOnlyList<string> kinds, string leading = "")
    {
        var sql = new StringBuilder(Load("snapshots/prelude")).AppendLine("SELECT convert_to(json_build_object(").Append(leading);
        for (var i = 0; i < kinds.Count; i++)
        {
            sql.Append('\'').Append(kinds[i]).AppendLine("', (")
                .Append(Load($"{folder}/{kinds[i]}"))
                .AppendLine(i + 1 < kinds.Count ? ")," : ")");
        }
        return sql.AppendLine(")::text, 'UTF8')").ToString();
    }

    /// <summary>The statement with the prelude's three parameters: privileges, then the history tables and schemas.</summary>
    internal static NpgsqlBatchCommand Command(string statement, SnapshotOptions options, bool includePrivileges) => new(statement)
    {
        Parameters =
        {
            new NpgsqlParameter<bool> { NpgsqlDbType = NpgsqlDbType.Boolean, TypedValue = includePrivileges },
            new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. options.HistoryTables] },
            new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. options.HistorySchemas] },
        },
    };

    /// <summary>Runs the statement under the pinned search_path and returns its one document.</summary>
    /// <param name="what">Names the statement in the error for a missing row.</param>
    internal static async Task<byte[]> ReadDocumentAsync(NpgsqlConnection connection, NpgsqlBatchCommand query, bool prepare, string what, CancellationToken cancellationToken)
    {
        await using var batch = SearchPathGuard.Wrap(connection, query);
        if (prepare)
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < SearchPathGuard.LeadingResults; i++)
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"The {what} query returned no row.");
        return await reader.GetFieldValueAsync<byte[]>(0, cancellationToken).ConfigureAwait(false);
    }

    internal static string Load(string name)
    {
        var resource = $"{name}.sql";
        using var stream = typeof(SnapshotQuery).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
