using DbGate.Core.Observation;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Observation;

/// <summary>The relation locks each statement holds, read from pg_locks on the connection that ran it.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class LockObservationTests(PostgresFixture server)
{
    private const string Setup = "CREATE TABLE a (id int); CREATE TABLE b (id int);";

    [Fact]
    public async Task Each_statement_lists_the_locks_it_took_and_those_earlier_statements_of_its_transaction_still_hold()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            CREATE INDEX a_id_idx ON a (id);
            LOCK b IN ROW EXCLUSIVE MODE;
            SELECT count(*) FROM a;
            """);

        var index = observed.Of("CREATE INDEX");
        Assert.Equal(["public.a Share"], index.TakenOnExisting.Names());
        Assert.Empty(index.HeldBefore);
        var lockB = observed.Of("LOCK b");
        Assert.Equal(["public.b RowExclusive"], lockB.TakenOnExisting.Names());
        Assert.Equal(["public.a Share"], lockB.HeldBefore.Names());
        // A weaker lock on a table already held more strongly is still a lock the statement took.
        var select = observed.Of("SELECT");
        Assert.Equal(["public.a AccessShare"], select.TakenOnExisting.Names());
        Assert.Equal(["public.a Share", "public.b RowExclusive"], select.HeldBefore.Names());
        Assert.All(observed.Statements, s => Assert.True(s.InTransaction));
    }

    [Fact]
    public async Task Locks_on_relations_the_migration_created_are_listed_as_new_and_never_as_held_before()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            CREATE TABLE c (id int);
            CREATE INDEX c_id_idx ON c (id);
            ALTER TABLE c ADD COLUMN note text;
            """);

        var create = observed.Of("CREATE TABLE");
        Assert.Contains(create.Taken, l => l is { Name: "public.c", Mode: LockMode.AccessExclusive, PreExisting: false });
        Assert.Empty(create.TakenOnExisting);
        Assert.Empty(observed.Of("CREATE INDEX").TakenOnExisting);
        Assert.Empty(observed.Of("CREATE INDEX").HeldBefore);
        Assert.Empty(observed.Of("ALTER TABLE").HeldBefore);
    }

    [Fact]
    public async Task Outside_a_transaction_each_statement_starts_with_no_lock_held()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            LOCK a IN SHARE MODE;
            LOCK b IN SHARE MODE;
            """, inTransaction: false);

        Assert.Equal(["public.a Share"], observed.Of("LOCK a").TakenOnExisting.Names());
        Assert.Empty(observed.Of("LOCK b").HeldBefore);
        Assert.All(observed.Statements, s => Assert.False(s.LocksPolled));
    }

    [Fact]
    public async Task A_script_of_its_own_BEGIN_holds_its_locks_until_its_COMMIT()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            BEGIN;
            LOCK a IN SHARE MODE;
            LOCK b IN SHARE MODE;
            COMMIT;
            LOCK b IN EXCLUSIVE MODE;
            """, inTransaction: false);

        // BEGIN and COMMIT are recorded where they stand, for the transaction rules (DBG124, DBG125).
        Assert.Equal(["BEGIN", "COMMIT"], observed.Statements.Where(s => s.IsTransactionControl).Select(s => s.Command));
        var statements = observed.Statements.Where(s => !s.IsTransactionControl).ToList();
        Assert.Equal(3, statements.Count);
        Assert.Equal(["public.a Share"], statements[1].HeldBefore.Names());
        Assert.Empty(statements[2].HeldBefore);
        Assert.Equal(["public.b Exclusive"], statements[2].TakenOnExisting.Names());
    }

    [Fact]
    public async Task ROLLBACK_WORK_TO_SAVEPOINT_keeps_the_script_in_its_transaction_with_its_locks()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            BEGIN;
            LOCK a IN SHARE MODE;
            SAVEPOINT s;
            LOCK b IN SHARE MODE;
            ROLLBACK WORK TO SAVEPOINT s;
            LOCK b IN EXCLUSIVE MODE;
            COMMIT;
            """, inTransaction: false);

        Assert.False(observed.Run.Failed);
        // Still inside the script's block: observed there, not wrapped in a BEGIN and COMMIT of DbGate's that would
        // have committed the script's transaction early; the lock on a taken before the savepoint is still held.
        var after = observed.Of("LOCK b IN EXCLUSIVE");
        Assert.True(after.InTransaction);
        Assert.Equal(["public.a Share"], after.HeldBefore.Names());
        Assert.Equal(["public.b Exclusive"], after.TakenOnExisting.Names());
    }

    [Fact]
    public async Task COMMIT_AND_CHAIN_releases_the_locks_and_leaves_the_script_in_a_new_transaction()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, """
            BEGIN;
            LOCK a IN SHARE MODE;
            COMMIT AND CHAIN;
            LOCK b IN SHARE MODE;
            LOCK a IN EXCLUSIVE MODE;
            COMMIT;
            """, inTransaction: false);

        Assert.False(observed.Run.Failed);
        var first = observed.Of("LOCK b");
        Assert.True(first.InTransaction);
        Assert.Empty(first.HeldBefore);
        // The chained transaction holds what its statements take until its own COMMIT.
        Assert.Equal(["public.b Share"], observed.Of("LOCK a IN EXCLUSIVE").HeldBefore.Names());
        Assert.DoesNotContain(observed.Statements, s => s.Notices.Any(n => n.Message.Contains("transaction", StringComparison.Ordinal)));
    }
}
