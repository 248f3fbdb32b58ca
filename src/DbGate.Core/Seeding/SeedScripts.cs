using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using Npgsql;

namespace DbGate.Core.Seeding;

/// <summary>
/// Runs the team's own seed files (dbgate.yml <c>seed.sql</c>) before anything is generated, each in a transaction of
/// its own and statement by statement, as migrations run; a failure is one line at the file, line and column PostgreSQL
/// names.
/// </summary>
internal static class SeedScripts
{
    public static async Task RunAsync(NpgsqlConnection connection, IReadOnlyList<SeedScript> scripts, CancellationToken cancellationToken)
    {
        foreach (var script in scripts)
        {
            var loaded = await LoadedScript.LoadAsync(new MigrationScript(script.FullPath, script.RelativePath), cancellationToken);
            var run = await ScriptExecutor.RunAsTheToolWouldAsync(connection, loaded, inTransaction: true, cancellationToken);
            if (run.Failure is { } failure)
                throw new Configuration.ConfigurationException($"{failure.Location.Path}:{failure.Location.Line}:{failure.Location.Column}: seed.sql {script.RelativePath} failed: {failure.Message}");
        }
    }
}
