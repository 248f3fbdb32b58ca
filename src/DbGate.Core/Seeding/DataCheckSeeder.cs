using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Loading;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Seeding;

/// <summary>
/// The rows of the <c>--data</c> check: a few per empty table, made by the same generator as the benchmarks' data
/// (so they satisfy CHECKs, unique keys and foreign keys), but one table at a time and forgivingly: a table the
/// generator cannot fill (a NOT NULL key to an empty table, a CHECK it cannot read) stays empty, and the step is
/// still checked with the others.
/// </summary>
internal static class DataCheckSeeder
{
    public const int RowsPerTable = 3;

    /// <param name="insideTransaction">Inside DbGate's transaction: each table then gets a savepoint.</param>
    public static async Task SeedAsync(NpgsqlConnection connection, SchemaSnapshot schema, bool insideTransaction, CancellationToken cancellationToken)
    {
        var catalog = await SeedCatalogReader.ReadAsync(connection, schema, cancellationToken);
        // Binary COPY names arrays of enums by type, so Npgsql must know the enums the migrations created.
        if (catalog.Tables.Any(t => t.Columns.Any(c => c.Type.Element?.BaseKind == 'e')))
            await connection.ReloadTypesAsync(cancellationToken);
        var seedable = catalog.Tables.Where(t => !t.Partition).ToList();
        var existing = new Dictionary<string, long>(await ExistingRows.CountAsync(connection, seedable, cancellationToken), StringComparer.Ordinal);
        foreach (var table in LoadOrder.Of(seedable, catalog.ForeignKeys, _ => true).Where(t => !existing.ContainsKey(t.QualifiedName)))
        {
            var options = new SeedOptions { DefaultRows = 0, Rows = [new TableRowCount(table.QualifiedName, RowsPerTable)], Analyze = false };
            if (insideTransaction)
                await TableLoader.ExecuteAsync(connection, "SAVEPOINT dbgate_data_check", cancellationToken);
            try
            {
                var plan = await SeedPlanner.PlanAsync(connection, catalog, options, insideTransaction, cancellationToken, existing);
                await SeedLoader.LoadAsync(connection, plan, cancellationToken);
                if (insideTransaction)
                    await TableLoader.ExecuteAsync(connection, "RELEASE SAVEPOINT dbgate_data_check", cancellationToken);
                existing[table.QualifiedName] = RowsPerTable;
            }
            catch (Exception e) when (e is ConfigurationException or PostgresException && !cancellationToken.IsCancellationRequested)
            {
                if (insideTransaction)
                    await TableLoader.ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbgate_data_check", cancellationToken);
            }
        }
    }
}
