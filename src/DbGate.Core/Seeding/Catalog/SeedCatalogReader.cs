using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Seeding.Catalog;

/// <summary>
/// Reads the <see cref="SeedCatalog"/>: tables, columns, foreign keys and CHECKs from the schema snapshot, which
/// already leaves out history tables and what extensions own; type structure (oids, modifiers, domains, enum
/// labels), unique indexes and ownership from targeted catalog queries, since the snapshot keeps those only as text.
/// </summary>
internal static class SeedCatalogReader
{
    public static async Task<SeedCatalog> ReadAsync(NpgsqlConnection connection, Migrations.HistoryScope history, CancellationToken cancellationToken) =>
        await ReadAsync(connection, await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default.For(history), cancellationToken), cancellationToken);

    /// <summary>With a snapshot already read (the data check has one per step).</summary>
    public static async Task<SeedCatalog> ReadAsync(NpgsqlConnection connection, SchemaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var facts = await SeedCatalogQueries.ReadAsync(connection, cancellationToken);
        var tables = new List<SeedTable>();
        foreach (var table in snapshot.Tables.Where(t => t.Kind is "table" or "partitioned table"))
        {
            if (!facts.Tables.TryGetValue(table.QualifiedName, out var fact))
                continue;
            var columns = table.Columns.Select(c => Column(c, fact.Columns[c.Name], facts.Types)).ToList();
            var checks = snapshot.Constraints
                .Where(c => c.Type == "CHECK" && c.QualifiedTable == table.QualifiedName)
                .Select(c => new SeedCheck(c.Name, c.Clause, c.Columns))
                .ToList();
            tables.Add(new SeedTable(
                table.Schema, table.Name, table.PartitionBound is not null,
                fact.Owned, fact.RowSecurityApplies, columns, checks,
                facts.UniqueKeys.GetValueOrDefault(table.QualifiedName) ?? [],
                facts.PartitionBounds.GetValueOrDefault(table.QualifiedName) ?? []));
        }
        var foreignKeys = snapshot.Constraints
            .Where(c => c.Type == "FOREIGN KEY" && c.References is not null)
            .Select(c => new SeedForeignKey(c.Name, c.QualifiedTable, c.Columns, c.References!, c.ReferencedColumns, c.Deferrable, c.Clause, c.Comment))
            .ToList();
        return new SeedCatalog(tables, foreignKeys);
    }

    private static SeedColumn Column(ColumnDefinition column, ColumnFact fact, IReadOnlyDictionary<long, TypeFact> types) =>
        new(
            column.Name,
            Resolve(fact.TypeOid, fact.Modifier, types),
            fact.SqlType,
            column.NotNull,
            column.Default is not null,
            column.Generated is not null,
            column.Identity is not null,
            column.Default?.StartsWith("nextval(", StringComparison.Ordinal) == true,
            fact.Collatable);

    /// <summary>Unwraps domains down to the base type, collecting their CHECKs, NOT NULL and modifier on the way.</summary>
    private static SeedType Resolve(long oid, int modifier, IReadOnlyDictionary<long, TypeFact> types)
    {
        var checks = new List<string>();
        var notNull = false;
        var type = types[oid];
        for (var depth = 0; type.Kind == 'd' && depth < 100; depth++)
        {
            checks.AddRange(type.DomainChecks ?? []);
            notNull |= type.NotNull;
            if (modifier == -1)
                modifier = type.DomainModifier;
            type = types[type.BaseOid];
        }
        var element = type.ElementOid != 0 ? Resolve(type.ElementOid, modifier, types) : null;
        return new SeedType(type.Name, type.Kind, type.SqlName, modifier, checks, notNull, type.EnumLabels, element);
    }
}
