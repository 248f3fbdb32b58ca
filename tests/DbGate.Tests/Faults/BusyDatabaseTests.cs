using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Faults;

/// <summary>
/// Another client connected to DbGate's work database (a monitoring agent that visits every database, a person with
/// psql) blocks the copy a step outside a transaction is checked in: the run ends incomplete and says so.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class BusyDatabaseTests(PostgresFixture server)
{
    [Fact]
    public async Task A_session_of_someone_else_in_the_work_database_ends_the_run_with_exit_3_when_a_step_needs_a_copy()
    {
        using var project = new FaultProject().Config();
        // One statement: golang-migrate runs it outside a transaction, so its check runs in a copy of the database.
        project.Step("1_wait", "DO $$ BEGIN WHILE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4244 AND granted) LOOP PERFORM pg_sleep(0.02); END LOOP; END $$;");

        using var cli = project.Start("--connection", server.AdminConnectionString);
        await using (var probe = await ServerProbe.ConnectAsync(server.AdminConnectionString))
        {
            var (_, database) = await probe.WaitForStatementAsync("objid = 4244");
            await using var someone = await ServerProbe.ConnectAsync($"{server.AdminConnectionString};Database={database};Pooling=false");
            await someone.ExecuteAsync("SELECT pg_advisory_lock(4244)");
            var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

            await IncompleteRun.AssertAsync(exit, error, project, $"could not copy the work database {database} for a step that runs outside a transaction: another session is connected to it (SQLSTATE 55006)");
        }
    }
}
