using DbGate.Core.Providers.Local;

namespace DbGate.Tests.Faults;

/// <summary>
/// Faults of the local server, each provoked for real on the server a run started: the postmaster killed, a backend
/// terminated by a DBA, statements that sleep or wait on a lock past statement_timeout.
/// </summary>
public sealed class LocalServerFaultTests
{
    private const string CreateTable = "CREATE TABLE a (x int);";
    private const string DropTable = "DROP TABLE a;";

    [Fact]
    public async Task The_postmaster_killed_mid_check_ends_the_run_with_exit_3_the_steps_seen_and_no_process_or_directory_left()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", CreateTable, DropTable);
        // Two statements: checked inside DbGate's rolled-back transaction. The down's query is CPU-bound, so its
        // backend would never notice the postmaster's death by itself.
        project.Step("2_index", "CREATE TABLE b (x int);\nCREATE INDEX ON b (x);", "SELECT count(*) FROM generate_series(1, 100000000000);\nDROP TABLE b;");

        using var cli = project.Start("--provider", "local");
        await using (var probe = await ServerProbe.LocalAsync(project.TempDirectory))
            await probe.WaitForStatementAsync("generate_series(1, 100000000000)");
        Assert.Equal(0, NativeMethods.kill(LeftOvers.PostmasterOf(cli.Id) ?? throw new InvalidOperationException("no postmaster"), NativeMethods.SigKill));
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

        await IncompleteRun.AssertAsync(exit, error, project, "lost the connection to PostgreSQL");
        Assert.Equal(["1_create up passed", "1_create down passed", "1_create redo passed"], IncompleteRun.ReportedSteps(project));
        IncompleteRun.AssertNothingLeft(project);
    }

    [Fact]
    public async Task A_backend_terminated_from_another_connection_ends_the_run_with_exit_3_naming_the_statement()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", CreateTable, DropTable).Step("2_sleep", "SELECT pg_sleep(600);");

        using var cli = project.Start("--provider", "local");
        await using (var probe = await ServerProbe.LocalAsync(project.TempDirectory))
        {
            var (pid, _) = await probe.WaitForStatementAsync("pg_sleep(600)");
            await probe.ExecuteAsync($"SELECT pg_terminate_backend({pid})");
        }
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

        await IncompleteRun.AssertAsync(exit, error, project, "terminating connection due to administrator command (SQLSTATE 57P01) at migrations/2_sleep.up.sql:1:1");
        Assert.Equal(3, IncompleteRun.ReportedSteps(project).Count);
        IncompleteRun.AssertNothingLeft(project);
    }

    [Fact]
    public async Task A_backend_terminated_in_a_statement_that_runs_outside_a_transaction_ends_the_run_with_exit_3_naming_it()
    {
        using var project = new FaultProject().Config();
        // diesel runs each migration in a transaction, so no step before the index build is checked in a copy of the
        // database, which the test's session would block.
        Diesel(project, "2024-01-01-000001_create", CreateTable, DropTable);
        // Waits until the test's session holds an open snapshot, which the index build after it must then wait out.
        Diesel(project, "2024-01-02-000001_wait", "DO $$ BEGIN WHILE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4243 AND granted) LOOP PERFORM pg_sleep(0.02); END LOOP; END $$;", "SELECT 1;");
        Diesel(project, "2024-01-03-000001_index", "CREATE INDEX CONCURRENTLY a_x ON a (x);", "DROP INDEX CONCURRENTLY a_x;", "run_in_transaction = false\n");

        using var cli = project.Start("--provider", "local");
        await using (var probe = await ServerProbe.LocalAsync(project.TempDirectory))
        {
            var (_, database) = await probe.WaitForStatementAsync("objid = 4243");
            await using var holder = await ServerProbe.ConnectAsync($"{probe.Connection.ConnectionString};Database={database}");
            await holder.ExecuteAsync("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_advisory_lock(4243)");
            var (pid, _) = await probe.WaitForStatementAsync("CREATE INDEX CONCURRENTLY", waitEventType: "Lock");
            await probe.ExecuteAsync($"SELECT pg_terminate_backend({pid})");
            var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

            await IncompleteRun.AssertAsync(exit, error, project, "terminating connection due to administrator command (SQLSTATE 57P01) at migrations/2024-01-03-000001_index/up.sql:1:1");
        }
        IncompleteRun.AssertNothingLeft(project);
    }

    [Fact]
    public async Task A_statement_sleeping_past_statement_timeout_ends_the_run_with_exit_3_and_says_how_to_allow_more()
    {
        using var project = new FaultProject().Config("statement_timeout: 1s");
        project.Step("1_create", CreateTable, DropTable).Step("2_sleep", "SELECT pg_sleep(600);");

        using var cli = project.Start("--provider", "local");
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

        await IncompleteRun.AssertAsync(exit, error, project,
            "canceling statement due to statement timeout (SQLSTATE 57014) at migrations/2_sleep.up.sql:1:1; raise statement_timeout in dbgate.yml");
        IncompleteRun.AssertNothingLeft(project);
    }

    [Fact]
    public async Task A_statement_waiting_on_a_lock_another_session_holds_is_bounded_by_statement_timeout()
    {
        using var project = new FaultProject().Config("statement_timeout: 5s");
        // The first statement waits until the test's session holds the lock, so the second one surely waits on it.
        project.Step("1_locked", """
            DO $$ BEGIN WHILE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND granted) LOOP PERFORM pg_sleep(0.02); END LOOP; END $$;
            SELECT pg_advisory_lock(4242);
            """);

        using var cli = project.Start("--provider", "local");
        await using (var server = await ServerProbe.LocalAsync(project.TempDirectory))
        {
            var (_, database) = await server.WaitForStatementAsync("objid = 4242");
            await using var holder = await ServerProbe.ConnectAsync($"{server.Connection.ConnectionString};Database={database}");
            await holder.ExecuteAsync("SELECT pg_advisory_lock(4242)");
            await server.WaitForStatementAsync("SELECT pg_advisory_lock(4242)", waitEventType: "Lock");
            var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

            await IncompleteRun.AssertAsync(exit, error, project, "canceling statement due to statement timeout (SQLSTATE 57014) at migrations/1_locked.up.sql:2:1");
        }
        IncompleteRun.AssertNothingLeft(project);
    }

    private static void Diesel(FaultProject project, string name, string up, string down, string? metadata = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(project.Migrations, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "up.sql"), up);
        File.WriteAllText(Path.Combine(folder, "down.sql"), down);
        if (metadata is not null)
            File.WriteAllText(Path.Combine(folder, "metadata.toml"), metadata);
    }
}
