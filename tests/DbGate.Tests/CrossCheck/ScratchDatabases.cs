using System.Globalization;

namespace DbGate.Tests.CrossCheck;

/// <summary>The few things the independent check does to the server, each one psql or pg_dump process.</summary>
/// <param name="historyTables">The migration tool's own bookkeeping tables, left out of every dump.</param>
internal sealed class ScratchDatabases(PgClient client, IReadOnlyList<string> historyTables)
{
    /// <summary>
    /// A migration script as diesel applies it: the whole file, stopping at the first error, in one transaction
    /// unless its metadata.toml says run_in_transaction = false.
    /// </summary>
    public Task<ToolRun> RunScriptAsync(string database, string path, bool singleTransaction, CancellationToken cancellationToken) =>
        client.PsqlAsync(["-d", database, .. singleTransaction ? ["--single-transaction"] : Array.Empty<string>(), "-f", path], cancellationToken);

    /// <summary>Statements run one by one in the maintenance database (CREATE and DROP DATABASE refuse transactions).</summary>
    public Task ExecuteAsync(IEnumerable<string> statements, CancellationToken cancellationToken) =>
        MaintenanceAsync([.. statements.SelectMany(s => new[] { "-c", s })], cancellationToken);

    /// <summary>server_version_num, such as 150018.</summary>
    public async Task<int> ServerVersionAsync(CancellationToken cancellationToken) =>
        int.Parse((await MaintenanceAsync(["-A", "-t", "-c", "SHOW server_version_num"], cancellationToken)).Trim(), CultureInfo.InvariantCulture);

    public async Task<SchemaDump> DumpAsync(string database, CancellationToken cancellationToken)
    {
        var run = await client.PgDumpAsync([.. DumpScope.PgDumpArguments(historyTables), "-d", database], cancellationToken);
        if (run.Failed)
            throw new InvalidOperationException($"pg_dump failed: {run.Error}");
        return SchemaDump.Parse(run.Output);
    }

    private async Task<string> MaintenanceAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var run = await client.PsqlAsync(["-d", client.MaintenanceDatabase, .. arguments], cancellationToken);
        if (run.Failed)
            throw new InvalidOperationException($"psql failed: {run.Error}");
        return run.Output;
    }
}
