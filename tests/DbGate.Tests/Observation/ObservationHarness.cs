using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Sql;
using Npgsql;

namespace DbGate.Tests.Observation;

/// <summary>
/// Runs one script on a real database the way the gate does (the observer on the script's own connection) after a
/// setup that stands for what production already has, and returns what was observed of each statement.
/// </summary>
internal static class ObservationHarness
{
    /// <param name="setup">Run and committed before the baseline is read: the pre-existing objects.</param>
    /// <param name="inTransaction">As a tool that wraps the script in a transaction (diesel); false: statement by statement.</param>
    public static async Task<ObservedScript> RunAsync(string connectionString, string? setup, string script, bool inTransaction = true, Phase phase = Phase.Up)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (setup is not null)
            await ExecuteAsync(connection, setup);
        var mirror = await Baseline.ReadAsync(connection, CancellationToken.None);
        var loaded = Load(script);
        var observer = new ScriptObserver(mirror.Fork(), loaded.Script, phase, inTransaction);
        var run = await ScriptExecutor.RunAsTheToolWouldAsync(connection, loaded, inTransaction, CancellationToken.None, observer);
        return new ObservedScript(observer.Statements, run);
    }

    public static LoadedScript Load(string script) =>
        new(new MigrationScript("/nowhere/0001_test.up.sql", "0001_test.up.sql"), SqlSplitter.Split(script), null);

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record ObservedScript(IReadOnlyList<StatementObservation> Statements, ScriptRun Run)
{
    /// <summary>The observation of the statement whose text starts with <paramref name="start"/>.</summary>
    public StatementObservation Of(string start) =>
        Assert.Single(Statements, s => s.Statement.Text.StartsWith(start, StringComparison.OrdinalIgnoreCase));
}

internal static class ObservationAssertions
{
    /// <summary>"public.orders ShareLock" for each lock, in order, for exact comparisons that read well.</summary>
    public static string[] Names(this IEnumerable<HeldLock> locks) =>
        [.. locks.Select(l => $"{l.Name} {l.Mode}")];

    public static string[] Names(this IEnumerable<CatalogChange> changes) =>
        [.. changes.Select(c => $"{c.Kind} {c.Target}")];
}
