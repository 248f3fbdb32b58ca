using System.Globalization;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Faults;

/// <summary>
/// An existing server reached over a network that fails: the test's TCP proxy stands between DbGate and the shared
/// test server, and resets or freezes the connections mid-statement.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class NetworkFaultTests(PostgresFixture server)
{
    [Fact]
    public async Task A_connection_reset_by_the_network_mid_statement_ends_the_run_with_exit_3_and_its_database_is_still_dropped()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;").Step("2_sleep", "SELECT pg_sleep(600);");
        var upstream = new NpgsqlConnectionStringBuilder(server.AdminConnectionString);
        await using var proxy = new TcpProxy(upstream.Host!, upstream.Port);

        using var cli = project.Start("--provider", "external", "--connection", ThroughProxy(proxy));
        await using (var probe = await ServerProbe.ConnectAsync(server.AdminConnectionString))
        {
            await probe.WaitForStatementAsync("pg_sleep(600)");
            proxy.Cut();
            var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

            await IncompleteRun.AssertAsync(exit, error, project, "lost the connection to PostgreSQL");
            Assert.Equal(3, IncompleteRun.ReportedSteps(project).Count);
            // The link came back for the teardown, which dropped the work database (and ended its stranded session).
            Assert.Empty(await DatabasesOfAsync(probe, cli.Id));
        }
    }

    [Fact]
    public async Task A_network_that_silently_stops_carrying_anything_is_bounded_by_the_timeout_in_dbgate_yml()
    {
        using var project = new FaultProject().Config("timeout: 15s");
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;").Step("2_sleep", "SELECT pg_sleep(600);");
        var upstream = new NpgsqlConnectionStringBuilder(server.AdminConnectionString);
        await using var proxy = new TcpProxy(upstream.Host!, upstream.Port);

        using var cli = project.Start("--provider", "external", "--connection", ThroughProxy(proxy));
        await using var probe = await ServerProbe.ConnectAsync(server.AdminConnectionString);
        try
        {
            // Frozen once the first step is done, wherever the run is by then: what it sends next is never answered.
            await cli.WaitForErrorTextAsync("1_create: up ok", TimeSpan.FromSeconds(120));
            proxy.Freeze();
            // Bounded: the run ends by itself, although the server never answers again on its connection.
            var (exit, _, error) = await cli.WaitAsync(FaultProject.Bounded);

            await IncompleteRun.AssertAsync(exit, error, project, "timed out: the run did not finish within its timeout of 15s");
            Assert.Equal(3, IncompleteRun.ReportedSteps(project).Count);
        }
        finally
        {
            // Whatever the run could not drop in time over a dead link, the test does not leave on the shared server.
            foreach (var database in await DatabasesOfAsync(probe, cli.Id))
                await probe.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private string ThroughProxy(TcpProxy proxy) =>
        new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;

    /// <summary>The databases DbGate process <paramref name="pid"/> created (it names them dbgate_PID_…).</summary>
    private static async Task<List<string>> DatabasesOfAsync(ServerProbe probe, int pid)
    {
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", probe.Connection);
        command.Parameters.AddWithValue("prefix", string.Create(CultureInfo.InvariantCulture, $"dbgate\\_{pid}\\_%"));
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }
}
