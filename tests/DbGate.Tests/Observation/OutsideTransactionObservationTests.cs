using DbGate.Core.Observation;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Observation;

/// <summary>
/// Statements that refuse a transaction block commit as they go: their locks are polled from a second connection
/// while they run, and the catalog they changed is read afterwards.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class OutsideTransactionObservationTests(PostgresFixture server)
{
    [Fact]
    public async Task Create_index_concurrently_is_seen_from_the_second_connection_taking_share_update_exclusive()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int, code text)");
        // An open snapshot in the same database makes the build wait, so the poller sees its lock however loaded the
        // machine is; the wait is ended as soon as the build is seen waiting.
        await using var blocker = await db.OpenAsync();
        await using var snapshot = await blocker.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await ObservationHarness.ExecuteAsync(blocker, "SELECT 1");

        var running = ObservationHarness.RunAsync(db.ConnectionString, null, "CREATE INDEX CONCURRENTLY t_code_idx ON t (code);", inTransaction: false);
        await WaitForAsync(db, "SELECT count(*) > 0 FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
        await snapshot.CommitAsync();
        var observed = await running;

        var build = observed.Statements[0];
        Assert.False(observed.Run.Failed, observed.Run.Failure?.Message);
        Assert.Equal((false, true), (build.InTransaction, build.LocksPolled));
        Assert.Contains(build.TakenOnExisting, l => l is { Name: "public.t", Mode: LockMode.ShareUpdateExclusive });
        Assert.DoesNotContain(build.TakenOnExisting, l => l.Name == "public.t" && l.Mode.BlocksWrites());
        var index = Assert.Single(build.Changes, c => c.Target == new ObjectId(SchemaObjectKind.Index, "public.t_code_idx"));
        Assert.Equal((ChangeKind.Created, true), (index.Kind, index.After?.Valid));
    }

    [Fact]
    public async Task A_failed_create_index_concurrently_is_observed_leaving_an_invalid_index_behind()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(
            db.ConnectionString,
            "CREATE TABLE t (code text); INSERT INTO t VALUES ('a'), ('a');",
            "CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code);",
            inTransaction: false);

        Assert.True(observed.Run.Failed);
        var build = Assert.Single(observed.Statements);
        Assert.Equal("23505", build.Failed?.SqlState);
        var index = Assert.Single(build.Changes, c => c.Target == new ObjectId(SchemaObjectKind.Index, "public.t_code_key"));
        Assert.Equal((ChangeKind.Created, false), (index.Kind, index.After?.Valid));
    }

    [Fact]
    public async Task Drop_index_concurrently_is_seen_dropping_the_index()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(
            db.ConnectionString, "CREATE TABLE t (code text); CREATE INDEX t_code_idx ON t (code);", "DROP INDEX CONCURRENTLY t_code_idx;", inTransaction: false);

        var drop = observed.Statements[0];
        Assert.False(drop.InTransaction);
        var index = Assert.Single(drop.Changes, c => c.Target == new ObjectId(SchemaObjectKind.Index, "public.t_code_idx"));
        Assert.Equal((ChangeKind.Dropped, true), (index.Kind, index.PreExisting));
    }

    private static async Task WaitForAsync(TestDatabase db, string condition)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(condition, connection);
        for (var i = 0; i < 1200; i++)
        {
            if ((bool)(await command.ExecuteScalarAsync())!)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"never true: {condition}");
    }
}
