using DbGate.Core.Migrations;
using DbGate.Core.Results;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// Applies ups forward, each as its tool would run it, with nothing observed or checked: how a cached prefix is built
/// and how <c>docs</c> and <c>explain</c> reach the final schema.
/// </summary>
internal static class ForwardRun
{
    /// <returns>The first up that fails and how, or null when every one applied.</returns>
    public static async Task<(Migration Migration, ScriptRun Run)?> ApplyAsync(
        NpgsqlConnection connection, WorkDatabase database, IEnumerable<Migration> migrations, CancellationToken cancellationToken)
    {
        foreach (var migration in migrations)
        {
            var up = await LoadedScript.LoadAsync(migration.Up, cancellationToken) with { Gateway = database.Extensions };
            var run = await ScriptExecutor.RunAsTheToolWouldAsync(connection, up, TransactionSemantics.RunsInTransaction(migration, up), cancellationToken);
            if (run.Failed)
                return (migration, run);
        }
        return null;
    }

    /// <summary>Every up applied, or the one that fails as one line at its place.</summary>
    /// <exception cref="Docs.MigrationFailedException">An up fails.</exception>
    public static async Task ApplyAllAsync(NpgsqlConnection connection, WorkDatabase database, IEnumerable<Migration> migrations, CancellationToken cancellationToken)
    {
        if (await ApplyAsync(connection, database, migrations, cancellationToken) is ({ } migration, { Failure: { } failure }))
            throw new Docs.MigrationFailedException($"{failure.Location}: the up of {migration.Id} fails: {failure.Message}");
    }
}
