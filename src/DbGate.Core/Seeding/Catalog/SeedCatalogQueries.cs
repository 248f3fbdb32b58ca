using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Seeding.Catalog;

internal sealed record ColumnFact(long TypeOid, int Modifier, string SqlType, bool Collatable);

internal sealed record TableFact(Dictionary<string, ColumnFact> Columns, bool Owned, bool RowSecurityApplies);

internal sealed record TypeFact(
    long Oid, string Name, char Kind, long BaseOid, int DomainModifier, long ElementOid, bool NotNull, string SqlName,
    IReadOnlyList<string>? EnumLabels, IReadOnlyList<string>? DomainChecks);

internal sealed record CatalogFacts(
    IReadOnlyDictionary<string, TableFact> Tables,
    IReadOnlyDictionary<long, TypeFact> Types,
    IReadOnlyDictionary<string, IReadOnlyList<SeedUniqueKey>> UniqueKeys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PartitionBounds);

/// <summary>The four targeted queries, in one round trip, under the snapshot's fixed search_path (names print qualified).</summary>
internal static class SeedCatalogQueries
{
    public static async Task<CatalogFacts> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var nullsNotDistinct = connection.PostgreSqlVersion.Major >= 15 ? "x.indnullsnotdistinct" : "false";
        await using var batch = SearchPathGuard.Wrap(connection, new NpgsqlBatchCommand(Load("seed_columns")));
        batch.BatchCommands.Insert(3, new NpgsqlBatchCommand(Load("seed_types")));
        batch.BatchCommands.Insert(4, new NpgsqlBatchCommand(Load("seed_unique_keys").Replace("@nulls_not_distinct", nullsNotDistinct, StringComparison.Ordinal)));
        batch.BatchCommands.Insert(5, new NpgsqlBatchCommand(Load("seed_partitions")));
        // Prepared: the data check reads the catalog before every step, and planning these is most of their cost.
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < SearchPathGuard.LeadingResults; i++)
            await reader.NextResultAsync(cancellationToken);

        var tables = new Dictionary<string, TableFact>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0) + "." + reader.GetString(1);
            if (!tables.TryGetValue(name, out var table))
                tables[name] = table = new TableFact(new Dictionary<string, ColumnFact>(StringComparer.Ordinal), reader.GetBoolean(7), reader.GetBoolean(8));
            table.Columns[reader.GetString(2)] = new ColumnFact(reader.GetInt64(3), reader.GetInt32(4), reader.GetString(5), reader.GetBoolean(6));
        }

        await reader.NextResultAsync(cancellationToken);
        var types = new Dictionary<long, TypeFact>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetInt64(0);
            types[oid] = new TypeFact(
                oid, reader.GetString(2), reader.GetString(3)[0], reader.GetInt64(4), reader.GetInt32(5), reader.GetInt64(6),
                reader.GetBoolean(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<string[]>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<string[]>(10));
        }

        await reader.NextResultAsync(cancellationToken);
        var keys = new Dictionary<string, List<SeedUniqueKey>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0) + "." + reader.GetString(1);
            var key = new SeedUniqueKey(
                reader.GetString(2), reader.GetBoolean(3), reader.GetFieldValue<string?[]>(4), reader.GetFieldValue<string[]>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7));
            (keys.TryGetValue(table, out var list) ? list : keys[table] = []).Add(key);
        }

        // A table with a DEFAULT partition takes any value: it gets no bounds.
        await reader.NextResultAsync(cancellationToken);
        var partitions = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0) + "." + reader.GetString(1);
            var bounds = partitions.TryGetValue(table, out var list) ? list : partitions[table] = [];
            if (reader.GetBoolean(3))
                partitions[table] = null;
            else if (!reader.IsDBNull(2))
                bounds?.Add(reader.GetString(2));
        }
        return new CatalogFacts(
            tables, types, keys.ToDictionary(k => k.Key, k => (IReadOnlyList<SeedUniqueKey>)k.Value, StringComparer.Ordinal),
            partitions.Where(p => p.Value is { Count: > 0 }).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value!, StringComparer.Ordinal));
    }

    private static string Load(string name)
    {
        var resource = $"seeding/{name}.sql";
        using var stream = typeof(SeedCatalogQueries).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
