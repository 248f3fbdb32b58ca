using System.Diagnostics;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Carries out a <see cref="SeedPlan"/> inside the caller's transaction: defers what the plan defers, drops the
/// foreign keys it checks in bulk, loads the tables in order (reading back server-assigned keys for their children),
/// repairs the cycles loaded as NULL, and adds the dropped keys back unchanged, so the schema ends as it began.
/// </summary>
internal static class SeedLoader
{
    public static async Task<IReadOnlyList<SeededTable>> LoadAsync(NpgsqlConnection connection, SeedPlan plan, CancellationToken cancellationToken)
    {
        foreach (var key in plan.DeferredForeignKeys)
            await TableLoader.ExecuteAsync(connection, $"SET CONSTRAINTS {Constraint(key)} DEFERRED", cancellationToken);
        foreach (var key in plan.BulkForeignKeys)
            await TableLoader.ExecuteAsync(connection, $"ALTER TABLE {Table(key.Table)} DROP CONSTRAINT {SqlNames.Quote(key.Name)}", cancellationToken);
        var seeded = new List<SeededTable>();
        var inserts = new InsertBatches(connection);
        foreach (var table in plan.Tables)
        {
            var clock = Stopwatch.StartNew();
            if (table.Source == SeedSource.Generated)
            {
                if (InsertBatches.Fits(table))
                {
                    inserts.Add(table);
                }
                else
                {
                    await inserts.FlushAsync(cancellationToken);
                    await CopyAsync(connection, table, cancellationToken);
                }
                if (table.KeysAfterLoad.Count > 0)
                {
                    await inserts.FlushAsync(cancellationToken);
                    foreach (var keys in table.KeysAfterLoad)
                        await keys.LoadAsync(connection, cancellationToken);
                }
            }
            seeded.Add(new SeededTable(table.Table.Schema, table.Table.Name, table.Rows, table.Source, clock.Elapsed));
        }
        await inserts.FlushAsync(cancellationToken);
        foreach (var table in plan.Tables)
        {
            foreach (var repair in table.Repairs)
                await ForeignKeyRepairs.RunAsync(connection, repair, cancellationToken);
        }
        foreach (var key in plan.BulkForeignKeys)
            await AddBackAsync(connection, key, plan, cancellationToken);
        return seeded;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, TablePlan table, CancellationToken cancellationToken)
    {
        try
        {
            await TableLoader.LoadAsync(connection, table, cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw LoadErrors.Explain(e, table);
        }
    }

    private static async Task AddBackAsync(NpgsqlConnection connection, SeedForeignKey key, SeedPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await TableLoader.ExecuteAsync(connection, $"ALTER TABLE {Table(key.Table)} ADD CONSTRAINT {SqlNames.Quote(key.Name)} {key.Clause}", cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw LoadErrors.Explain(e, plan.Tables.First(t => t.Table.QualifiedName == key.Table));
        }
        if (key.Comment is { } comment)
            await TableLoader.ExecuteAsync(connection, $"COMMENT ON CONSTRAINT {SqlNames.Quote(key.Name)} ON {Table(key.Table)} IS {SqlNames.Literal(comment)}", cancellationToken);
    }

    private static string Table(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return SqlNames.Qualified(qualified[..dot], qualified[(dot + 1)..]);
    }

    private static string Constraint(SeedForeignKey key) => Table(key.Table.Split('.')[0] + "." + key.Name);
}
