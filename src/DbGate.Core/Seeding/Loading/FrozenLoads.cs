using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Big tables are truncated (they are empty: that is why they are generated) in the seeding transaction before their
/// COPY, which may then write its rows already frozen and all-visible (COPY … FREEZE): no hint bits for the first
/// benchmark query to write, index-only scans without a VACUUM, and, on a server with wal_level=minimal (the local
/// provider's), no WAL for the rows. Only tables TRUNCATE cannot disturb: plain tables the role owns, without
/// TRUNCATE triggers, loaded by COPY itself, and referenced by no foreign key still in place outside the set.
/// </summary>
internal static class FrozenLoads
{
    private const string Truncatable = """
        SELECT n.nspname::text, t.relname::text
        FROM pg_class t
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE t.oid = ANY ($1::regclass[])
          AND t.relkind = 'r' AND NOT t.relispartition AND pg_has_role(t.relowner, 'USAGE')
          AND NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgtype & 32 <> 0)
          AND NOT EXISTS (SELECT FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = t.oid AND f.conrelid <> ALL ($1::regclass[]::oid[]))
        ORDER BY 1, 2
        """;

    /// <summary>Truncates the tables whose COPY may freeze; call after the bulk foreign keys are dropped. Returns their qualified names.</summary>
    public static async Task<IReadOnlySet<string>> TruncateAsync(NpgsqlConnection connection, SeedPlan plan, CancellationToken cancellationToken)
    {
        var big = plan.Tables
            .Where(t => t.Source == SeedSource.Generated && t.Rows >= IndexRebuilds.MinRows && t.Table.Owned && !t.Table.Partition && !t.Staged && t.Copied.Count > 0)
            .Select(t => t.Table)
            .ToList();
        // A key from a table left out keeps its parent out too: ask again until the set holds.
        var chosen = big;
        for (var passing = await PassingAsync(connection, chosen, cancellationToken); passing.Count < chosen.Count; passing = await PassingAsync(connection, chosen, cancellationToken))
            chosen = passing;
        if (chosen.Count > 0)
            await ScriptExecutor.ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", chosen.Select(t => t.Sql))}", cancellationToken);
        return chosen.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<SeedTable>> PassingAsync(NpgsqlConnection connection, List<SeedTable> tables, CancellationToken cancellationToken)
    {
        var passing = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(Truncatable, connection) { Parameters = { new() { Value = tables.Select(t => t.Sql).ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            passing.Add(reader.GetString(0) + "." + reader.GetString(1));
        return tables.Where(t => passing.Contains(t.QualifiedName)).ToList();
    }
}
