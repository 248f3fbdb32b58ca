using DbGate.Core.Observation;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Observation;

/// <summary>
/// The one poller behind both second-connection observers: a statement outside a transaction block (its own
/// connection's backend) and a migration tool's command (every other session of the database).
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class LockPollerTests(PostgresFixture server)
{
    [Fact]
    public async Task Polling_one_backend_sees_the_lock_that_backend_holds()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int)");
        await using var observed = await db.OpenAsync();
        await using var transaction = await observed.BeginTransactionAsync();
        await ObservationHarness.ExecuteAsync(observed, "LOCK TABLE t IN SHARE MODE");

        await using var poller = await LockPoller.StartAsync(observed, otherSessions: false, TimeSpan.Zero, CancellationToken.None);
        await PolledAtLeastOnceAsync(db);
        var seen = await poller.StopAsync();

        Assert.Contains((await OidAsync(db, "t"), LockMode.Share), seen);
    }

    [Fact]
    public async Task Polling_other_sessions_sees_theirs_and_not_the_connection_it_starts_from()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE mine (id int); CREATE TABLE theirs (id int)");
        await using var own = await db.OpenAsync();
        await using var ownTransaction = await own.BeginTransactionAsync();
        await ObservationHarness.ExecuteAsync(own, "LOCK TABLE mine IN ACCESS EXCLUSIVE MODE");
        await using var tool = await db.OpenAsync();
        await using var toolTransaction = await tool.BeginTransactionAsync();
        await ObservationHarness.ExecuteAsync(tool, "LOCK TABLE theirs IN SHARE ROW EXCLUSIVE MODE");

        await using var poller = await LockPoller.StartAsync(own, otherSessions: true, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await PolledAtLeastOnceAsync(db);
        var seen = await poller.StopAsync();

        var mine = await OidAsync(db, "mine");
        Assert.Contains((await OidAsync(db, "theirs"), LockMode.ShareRowExclusive), seen);
        Assert.DoesNotContain(seen, l => l.Oid == mine);
    }

    /// <summary>Polls run one after another, so a second one started means the first one finished.</summary>
    private static async Task PolledAtLeastOnceAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT query_start FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT l.relation::pg_catalog.int8, l.mode FROM pg_catalog.pg_locks%'",
            connection);
        DateTime? first = null;
        for (var i = 0; i < 1200; i++)
        {
            if (await command.ExecuteScalarAsync() is DateTime start)
            {
                if (first is null)
                    first = start;
                else if (start != first)
                    return;
            }
            await Task.Delay(5);
        }
        Assert.Fail("the poller never finished a poll");
    }

    private static async Task<long> OidAsync(TestDatabase db, string table)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT '{table}'::regclass::oid::bigint", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
