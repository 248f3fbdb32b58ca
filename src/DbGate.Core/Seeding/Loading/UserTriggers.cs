using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// The tables' own triggers, off while generated rows load and restored as they were, in the load's transaction.
/// A trigger that fills another table (an audit log) would otherwise fill it a second time beside its generated rows,
/// with values the seed does not decide; one that refuses inserts (only through a function, say) would fail the seed.
/// Every table then holds exactly the rows asked for, the same on every run. The team's seed.sql runs before, with its
/// triggers on: what it and they fill is not generated again. Foreign keys are internal triggers and stay on.
/// </summary>
internal static class UserTriggers
{
    private const string Enabled = """
        SELECT n.nspname::text, c.relname::text, g.tgname::text, g.tgenabled::text
        FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT g.tgisinternal AND g.tgenabled <> 'D' AND pg_has_role(c.relowner, 'USAGE')
          AND (g.tgrelid = ANY ($1::regclass[])
               OR g.tgrelid IN (SELECT p.relid FROM unnest($1::regclass[]) AS t(oid), pg_partition_tree(t.oid) AS p))
        ORDER BY (SELECT count(*) FROM pg_partition_ancestors(c.oid)), 1, 2, 3
        """;

    /// <summary>Disables every enabled user trigger on the generated tables (and their partitions) the seeding role owns.</summary>
    /// <returns>What to restore, parents first: a partitioned table's change may reach its partitions.</returns>
    public static async Task<IReadOnlyList<Trigger>> DisableAsync(NpgsqlConnection connection, SeedPlan plan, CancellationToken cancellationToken)
    {
        var tables = plan.Tables.Where(t => t.Source == SeedSource.Generated && t.Table.Owned).Select(t => t.Table.Sql).ToArray();
        if (tables.Length == 0)
            return [];
        var triggers = new List<Trigger>();
        await using (var command = new NpgsqlCommand(Enabled, connection) { Parameters = { new() { Value = tables } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                triggers.Add(new Trigger(SqlNames.Qualified(reader.GetString(0), reader.GetString(1)), SqlNames.Quote(reader.GetString(2)), reader.GetString(3)[0]));
        }
        foreach (var trigger in triggers)
            await ScriptExecutor.ExecuteAsync(connection, $"ALTER TABLE {trigger.Table} DISABLE TRIGGER {trigger.Name}", cancellationToken);
        return triggers;
    }

    public static async Task RestoreAsync(NpgsqlConnection connection, IReadOnlyList<Trigger> triggers, CancellationToken cancellationToken)
    {
        foreach (var trigger in triggers)
        {
            var mode = trigger.Mode switch { 'A' => "ENABLE ALWAYS", 'R' => "ENABLE REPLICA", _ => "ENABLE" };
            await ScriptExecutor.ExecuteAsync(connection, $"ALTER TABLE {trigger.Table} {mode} TRIGGER {trigger.Name}", cancellationToken);
        }
    }

    /// <param name="Mode">pg_trigger.tgenabled: O (on), A (always), R (replica only).</param>
    internal sealed record Trigger(string Table, string Name, char Mode);
}
