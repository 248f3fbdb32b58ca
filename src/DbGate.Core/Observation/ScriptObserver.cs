using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Core.Sql;
using Npgsql;

namespace DbGate.Core.Observation;

/// <summary>
/// Runs one script's statements with their observation, on the connection the script runs on. Inside a transaction
/// (DbGate's, or a BEGIN of the script's own) the observation travels in the statement's round trip. Outside one,
/// a statement is put in a transaction of its own, which for a statement that can run in one is exactly what
/// PostgreSQL does anyway; one that refuses (CREATE INDEX CONCURRENTLY, VACUUM…) runs alone while a second
/// connection polls its locks.
/// </summary>
internal sealed class ScriptObserver(CatalogMirror mirror, MigrationScript script, Phase phase, bool inDbGateTransaction)
{
    private readonly List<StatementObservation> _statements = [];
    private readonly TransactionState _transaction = new(inDbGateTransaction);

    /// <summary>The catalog as this script left it; the forward run adopts it when the script's changes stay.</summary>
    public CatalogMirror Mirror { get; } = mirror;

    public IReadOnlyList<StatementObservation> Statements => _statements;

    /// <param name="text">What is sent for the statement: its text, or the privileged call that stands for it.</param>
    public async Task ExecuteAsync(NpgsqlConnection connection, SqlStatement statement, string text, CancellationToken cancellationToken)
    {
        await ObservedBatch.EnsurePreparedAsync(connection, cancellationToken);
        var notices = new List<ServerNotice>();
        void OnNotice(object sender, NpgsqlNoticeEventArgs e) => notices.Add(new ServerNotice(e.Notice.Severity, e.Notice.SqlState, e.Notice.MessageText));
        connection.Notice += OnNotice;
        try
        {
            if (statement.IsTransactionControl)
            {
                var inBlock = _transaction.InBlock;
                await ScriptExecutor.ExecuteAsync(connection, text, cancellationToken);
                _transaction.After(statement);
                _statements.Add(TransactionControl(statement, inBlock) with { Notices = notices.ToList() });
                return;
            }
            var observation = _transaction.InBlock
                ? await InBlockAsync(connection, statement, text, wrap: false, cancellationToken)
                : await WrappedAsync(connection, statement, text, cancellationToken);
            _statements.Add(observation with { Notices = notices.ToList() });
        }
        catch (ObservedFailure failed)
        {
            _statements.Add(failed.Observation with { Notices = notices.ToList() });
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Error);
        }
        finally
        {
            connection.Notice -= OnNotice;
        }
        if (StatementWords.First(statement.Text) is "DEALLOCATE" or "DISCARD")
            ObservedBatch.Forget(connection);
    }

    /// <summary>
    /// A BEGIN, COMMIT… that DbGate does not send because it holds a transaction around the script (the tool's, or
    /// the implicit one PostgreSQL gives a file sent as one query): ending it would end the round trip. Recorded
    /// all the same, since where it stands is what the transaction rules judge.
    /// </summary>
    public void NotSent(SqlStatement statement) => _statements.Add(TransactionControl(statement, inBlock: true) with { NotSent = true });

    private StatementObservation TransactionControl(SqlStatement statement, bool inBlock) =>
        new(statement, new SourceLocation(script.RelativePath, statement.Line, statement.Column), phase, inBlock, SessionSettings.Unknown,
            [], [], false, [], [], [], TimeSpan.Zero, StatementWords.Command(statement.Text), -1, []);

    private async Task<StatementObservation> WrappedAsync(NpgsqlConnection connection, SqlStatement statement, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await InBlockAsync(connection, statement, text, wrap: true, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == "25001")
        {
            return await OutsideTransaction.RunAsync(connection, statement, text, this, cancellationToken);
        }
    }

    private async Task<StatementObservation> InBlockAsync(NpgsqlConnection connection, SqlStatement statement, string text, bool wrap, CancellationToken cancellationToken)
    {
        var tables = PreExistingTables();
        var user = new NpgsqlBatchCommand(text);
        var commands = new List<NpgsqlBatchCommand>();
        if (wrap)
            commands.Add(new NpgsqlBatchCommand("BEGIN"));
        commands.Add(ObservedBatch.Before(_transaction.AfterCommandId, "", tables));
        commands.Add(user);
        ObservedBatch.Result result;
        try
        {
            result = await ObservedBatch.RunAsync(connection, commands, user, null, wrap ? [new NpgsqlBatchCommand("COMMIT")] : [], cancellationToken);
        }
        catch (PostgresException) when (wrap)
        {
            // A terminated backend closes the connection: there is nothing to roll back, and trying would hide why.
            if (connection.State == System.Data.ConnectionState.Open)
                await ScriptExecutor.ExecuteAsync(connection, "ROLLBACK", cancellationToken);
            throw;
        }
        var observation = Interpret(statement, result, polled: null);
        if (wrap)
            _transaction.Reset();
        return observation;
    }

    private long[]? _preExistingTables;

    /// <summary>
    /// Read once per script: a table is pre-existing when an earlier script made it, and no statement of this one can
    /// make one so. A table the script drops stays in the list, where its scan count simply stays put.
    /// </summary>
    internal long[] PreExistingTables() =>
        _preExistingTables ??= [.. Mirror.Rows.Where(r => r.IsTable && Mirror.PreExisting(r.Key)).Select(r => r.Oid)];

    internal long[] KnownRelations() => [.. Mirror.Rows.Where(r => r.Catalog == "class").Select(r => r.Oid)];

    /// <param name="polled">Locks seen by polling while a statement ran outside any transaction; null inside one.</param>
    internal StatementObservation Interpret(SqlStatement statement, ObservedBatch.Result result, IReadOnlyCollection<(long Oid, LockMode Mode)>? polled)
    {
        var after = result.After;
        var now = polled ?? after.Locks.Where(l => l.Catalog == "class").Select(l => (l.Oid, LockModes.Parse(l.Mode))).ToHashSet();
        // Ordered by name, so findings come out in the same order whatever order pg_locks lists them in.
        var held = _transaction.HeldBefore(now);
        var taken = Ordered(now.Where(l => !held.Contains(l)).Select(l => Describe(l, after)).OfType<HeldLock>());
        var heldBefore = Ordered(held.Select(l => Describe(l, after)).OfType<HeldLock>().Where(l => l.PreExisting));
        var scanned = Scans(result, after);
        var gone = result.Gone.Select(g => new ObservedLock("class", long.Parse(g, System.Globalization.CultureInfo.InvariantCulture), "AccessExclusiveLock", true, null));
        var (changes, rewrites) = DeltaInterpreter.Apply(Mirror, after with { Locks = [.. after.Locks, .. gone] });

        _transaction.Observed(now, after.Objects);
        var before = result.Before;
        return new StatementObservation(
            statement,
            new SourceLocation(script.RelativePath, statement.Line, statement.Column),
            phase,
            polled is null,
            before?.Settings ?? SessionSettings.Unknown,
            heldBefore,
            taken,
            polled is not null,
            rewrites,
            scanned,
            changes,
            before is null ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(0, after.Clock - before.Clock)),
            StatementWords.Command(statement.Text),
            result.RowsAffected,
            []);
    }

    private static List<HeldLock> Ordered(IEnumerable<HeldLock> locks) =>
        [.. locks.OrderBy(l => l.Name, StringComparer.Ordinal).ThenByDescending(l => l.Mode)];

    private HeldLock? Describe((long Oid, LockMode Mode) lockHeld, ObservedAfter after)
    {
        var row = Mirror.Relation(lockHeld.Oid) ?? after.Objects.FirstOrDefault(o => o.Catalog == "class" && o.Oid == lockHeld.Oid);
        return row is null ? null : new HeldLock(row.Oid, row.QualifiedName, row.Kind ?? "", lockHeld.Mode, Mirror.PreExisting(row.Key));
    }

    // A scan needs a lock, so only locked tables can have been scanned; their counts are compared with those
    // read right before the statement.
    private List<RelationRef> Scans(ObservedBatch.Result result, ObservedAfter after)
    {
        var scanned = new List<RelationRef>();
        if (result.Before is not { Scans.Length: > 0 } before)
            return scanned;
        // The counts before were read for these tables, in this order.
        var tables = PreExistingTables();
        foreach (var l in after.Locks.Where(l => l.Catalog == "class" && l.Scans is not null).DistinctBy(l => l.Oid))
        {
            var index = Array.IndexOf(tables, l.Oid);
            if (index >= 0 && index < before.Scans.Length && l.Scans > before.Scans[index] && Mirror.Relation(l.Oid) is { } table)
                scanned.Add(new RelationRef(table.Oid, table.QualifiedName));
        }
        return [.. scanned.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }
}
