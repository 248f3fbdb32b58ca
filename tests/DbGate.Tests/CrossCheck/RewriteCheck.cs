using System.Text;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.CrossCheck;

/// <summary>
/// Which pre-existing tables each up rewrote, found with psql alone: every relation's relfilenode before and after
/// the up, in one session per batch of migrations. A new relfilenode of a table, one of its indexes or its TOAST
/// table counts as a rewrite of that table. Shares no code with DbGate's observation.
/// </summary>
internal sealed class RewriteCheck(PgClient client, ScratchDatabases server)
{
    // Relations of the user's schemas and their TOAST tables, each with the table it belongs to.
    private const string Relations = """
        SELECT :'phase', :'migration', c.oid, c.relfilenode, coalesce(tn.nspname || '.' || t.relname, n.nspname || '.' || c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
        LEFT JOIN pg_class t ON t.oid = coalesce(i.indrelid, (SELECT o.oid FROM pg_class o WHERE o.reltoastrelid = c.oid))
        LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
        WHERE c.relkind IN ('r', 'm', 'i', 't') AND c.relfilenode <> 0
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_temp';
        """;

    /// <summary>Migration id → the pre-existing tables its up rewrote.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> RunAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var database = "rewrites_" + Guid.NewGuid().ToString("N")[..12];
        await server.ExecuteAsync([$"CREATE DATABASE {database}"], cancellationToken);
        var rows = new List<string[]>();
        var folder = new TempFolder("dbgate-rewrites-");
        try
        {
            // A few sessions rather than one: each must finish within the client's time limit on a loaded machine.
            foreach (var (batch, index) in migrations.Chunk(50).Select((b, i) => (b, i)))
            {
                var script = Path.Combine(folder.Path, $"batch{index}.sql");
                await File.WriteAllTextAsync(script, Script(batch), cancellationToken);
                var run = await client.PsqlAsync(["-A", "-t", "-F", "|", "-d", database, "-f", script], cancellationToken);
                if (run.Failed)
                    throw new InvalidOperationException($"psql failed: {run.Error}");
                rows.AddRange(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).Where(f => f.Length == 5));
            }
        }
        finally
        {
            folder.Dispose();
            await server.ExecuteAsync([$"DROP DATABASE IF EXISTS {database}"], CancellationToken.None);
        }
        return migrations.ToDictionary(m => m.Id, IReadOnlySet<string> (m) => Rewritten(rows, m.Id), StringComparer.Ordinal);
    }

    private static string Script(IEnumerable<Migration> migrations)
    {
        var script = new StringBuilder();
        foreach (var migration in migrations)
        {
            script.AppendLine(Set("phase", "before") + Set("migration", migration.Id) + Relations);
            // As diesel runs it: in a transaction unless the migration says run_in_transaction = false.
            script.AppendLine(migration.RunInTransaction ? "BEGIN;" : "");
            script.AppendLine($"\\i '{migration.Up.FullPath.Replace("'", "''", StringComparison.Ordinal)}'");
            script.AppendLine(migration.RunInTransaction ? "COMMIT;" : "");
            script.AppendLine(Set("phase", "after") + Relations);
        }
        return script.ToString();
    }

    private static string Set(string variable, string value) => $"\\set {variable} '{value.Replace("'", "\\'", StringComparison.Ordinal)}'\n";

    private static HashSet<string> Rewritten(List<string[]> rows, string migration)
    {
        var before = rows.Where(r => r[0] == "before" && r[1] == migration).ToDictionary(r => r[2], r => r[3], StringComparer.Ordinal);
        return rows.Where(r => r[0] == "after" && r[1] == migration && before.TryGetValue(r[2], out var node) && node != r[3])
            .Select(r => r[4])
            .ToHashSet(StringComparer.Ordinal);
    }
}
