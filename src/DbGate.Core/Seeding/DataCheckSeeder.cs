using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Loading;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Seeding;

/// <summary>
/// The rows of the <c>--data</c> check: a few per table, made by the same generator as the benchmarks' data (so they
/// satisfy CHECKs, unique keys and foreign keys), but forgivingly. All tables are planned and loaded together first;
/// when that fails (a NOT NULL key to a table that cannot be filled, a CHECK it cannot read, a key taken by rows the
/// migrations inserted), it is undone and the tables are filled one at a time, each one that fails left empty, so
/// the step is still checked with the others.
/// </summary>
internal static class DataCheckSeeder
{
    public const int RowsPerTable = 3;

    /// <param name="insideTransaction">Inside DbGate's transaction; otherwise (in a clone) the rows get one of their own.</param>
    public static async Task SeedAsync(NpgsqlConnection connection, SchemaSnapshot schema, bool insideTransaction, CancellationToken cancellationToken)
    {
        var catalog = await SeedCatalogReader.ReadAsync(connection, schema, cancellationToken);
        // Binary COPY names arrays of enums by type, so Npgsql must know the enums the migrations created.
        if (catalog.Tables.Any(t => t.Columns.Any(c => c.Type.Element?.BaseKind == 'e')))
            await connection.ReloadTypesAsync(cancellationToken);
        if (insideTransaction)
        {
            await SeedAsync(connection, catalog, cancellationToken);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SeedAsync(connection, catalog, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SeedAsync(NpgsqlConnection connection, SeedCatalog catalog, CancellationToken cancellationToken)
    {
        var all = new SeedOptions { DefaultRows = RowsPerTable, Analyze = false };
        if (await TryAsync(connection, catalog, all, new Dictionary<string, long>(StringComparer.Ordinal), cancellationToken))
            return;
        var seedable = catalog.Tables.Where(t => !t.Partition).ToList();
        foreach (var table in LoadOrder.Of(seedable, catalog.ForeignKeys, _ => true))
        {
            // Every other table counts as filled: a parent's keys are read back, however many it has (none is fine).
            var others = seedable.Where(t => t != table).ToDictionary(t => t.QualifiedName, _ => 0L, StringComparer.Ordinal);
            await TryAsync(connection, catalog, all with { DefaultRows = 0, Rows = [new TableRowCount(table.QualifiedName, RowsPerTable)] }, others, cancellationToken);
        }
    }

    private static async Task<bool> TryAsync(NpgsqlConnection connection, SeedCatalog catalog, SeedOptions options, IReadOnlyDictionary<string, long> existing, CancellationToken cancellationToken)
    {
        await ScriptExecutor.ExecuteAsync(connection, "SAVEPOINT dbgate_data_check", cancellationToken);
        try
        {
            var plan = await SeedPlanner.PlanAsync(connection, catalog, options, insideTransaction: true, cancellationToken, existing);
            await SeedLoader.LoadAsync(connection, plan, analyze: false, cancellationToken);
            await ScriptExecutor.ExecuteAsync(connection, "RELEASE SAVEPOINT dbgate_data_check", cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConfigurationException || (e is PostgresException p && !Execution.ServerFault.IsFault(p)) && !cancellationToken.IsCancellationRequested)
        {
            // Rows a table refuses leave it empty; a fault of the server ends the run instead (its connection may be closed).
            await ScriptExecutor.ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbgate_data_check", cancellationToken);
            return false;
        }
    }
}
