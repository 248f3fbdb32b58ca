using System.Diagnostics;
using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Carries out a <see cref="SeedPlan"/> inside the caller's transaction: defers what the plan defers, drops the
/// foreign keys it checks in bulk and the big tables' indexes, loads the tables in order (reading back
/// server-assigned keys for their children), repairs the cycles loaded as NULL, and builds the dropped indexes and
/// keys again unchanged, with the tables' own triggers off meanwhile (<see cref="UserTriggers"/>), so the schema ends as it began.
/// </summary>
internal static class SeedLoader
{
    /// <summary>Session memory for the bulk steps: sorts that build indexes, hash joins that check foreign keys (kB; raised, never lowered).</summary>
    private const string Memory = """
        SELECT set_config(name, greatest(setting::int8, CASE name WHEN 'work_mem' THEN 65536 ELSE 262144 END)::text || 'kB', true)
        FROM pg_settings WHERE name IN ('work_mem', 'maintenance_work_mem')
        """;

    /// <param name="analyze">ANALYZE the tables once loaded, before the foreign keys are checked: the check's join is then planned on real statistics.</param>
    public static async Task<LoadResult> LoadAsync(NpgsqlConnection connection, SeedPlan plan, bool analyze, CancellationToken cancellationToken)
    {
        if (plan.Tables.Any(t => t.Rows >= IndexRebuilds.MinRows))
            await ScriptExecutor.ExecuteAsync(connection, Memory, cancellationToken);
        foreach (var key in plan.DeferredForeignKeys)
            await ScriptExecutor.ExecuteAsync(connection, $"SET CONSTRAINTS {Constraint(key)} DEFERRED", cancellationToken);
        foreach (var key in plan.BulkForeignKeys)
            await ScriptExecutor.ExecuteAsync(connection, $"ALTER TABLE {Table(key.Table)} DROP CONSTRAINT {SqlNames.Quote(key.Name)}", cancellationToken);
        var indexes = await IndexRebuilds.DropAsync(connection, plan, cancellationToken);
        var frozen = await FrozenLoads.TruncateAsync(connection, plan, cancellationToken);
        var triggers = await UserTriggers.DisableAsync(connection, plan, cancellationToken);
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
                    await CopyAsync(connection, table, frozen.Contains(table.Table.QualifiedName), cancellationToken);
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
        await IndexRebuilds.RebuildAsync(connection, indexes, cancellationToken);
        var analyzed = Stopwatch.StartNew();
        if (analyze)
            await AnalyzeAsync(connection, plan, cancellationToken);
        analyzed.Stop();
        foreach (var key in plan.BulkForeignKeys)
            await AddBackAsync(connection, key, plan, cancellationToken);
        await UserTriggers.RestoreAsync(connection, triggers, cancellationToken);
        return new LoadResult(seeded, analyzed.Elapsed);
    }

    private static async Task AnalyzeAsync(NpgsqlConnection connection, SeedPlan plan, CancellationToken cancellationToken)
    {
        var tables = plan.Tables.Where(t => t.Source != SeedSource.Empty).Select(t => t.Table.Sql).ToList();
        if (tables.Count > 0)
            await ScriptExecutor.ExecuteAsync(connection, $"ANALYZE {string.Join(", ", tables)}", cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, TablePlan table, bool freeze, CancellationToken cancellationToken)
    {
        try
        {
            await TableLoader.LoadAsync(connection, table, freeze, cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
        {
            throw LoadErrors.Explain(e, table);
        }
    }

    private static async Task AddBackAsync(NpgsqlConnection connection, SeedForeignKey key, SeedPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await ScriptExecutor.ExecuteAsync(connection, $"ALTER TABLE {Table(key.Table)} ADD CONSTRAINT {SqlNames.Quote(key.Name)} {key.Clause}", cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
        {
            throw LoadErrors.Explain(e, plan.Tables.First(t => t.Table.QualifiedName == key.Table));
        }
        if (key.Comment is { } comment)
            await ScriptExecutor.ExecuteAsync(connection, $"COMMENT ON CONSTRAINT {SqlNames.Quote(key.Name)} ON {Table(key.Table)} IS {SqlNames.Literal(comment)}", cancellationToken);
    }

    private static string Table(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return SqlNames.Qualified(qualified[..dot], qualified[(dot + 1)..]);
    }

    private static string Constraint(SeedForeignKey key) => Table(key.Table.Split('.')[0] + "." + key.Name);
}

/// <param name="Analyze">How long ANALYZE took, part of the load.</param>
internal sealed record LoadResult(IReadOnlyList<SeededTable> Tables, TimeSpan Analyze);
