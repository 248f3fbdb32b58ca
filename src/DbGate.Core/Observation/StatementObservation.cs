using DbGate.Core.Results;
using DbGate.Core.Sql;

namespace DbGate.Core.Observation;

/// <summary>
/// Everything observed about one statement of a migration script, read on the connection that ran it while its
/// transaction was still open. Lint rules read only this (and production sizes); issue 20's provenance reads
/// <see cref="Changes"/>.
/// </summary>
/// <param name="Location">Where the statement starts in its file.</param>
/// <param name="Phase">Up, or Down for a down run right after its up.</param>
/// <param name="InTransaction">The statement ran inside a transaction block, so its locks lasted to the commit.</param>
/// <param name="Before">Settings in effect when the statement started.</param>
/// <param name="HeldBefore">Locks on pre-existing relations that earlier statements of the same transaction still held.</param>
/// <param name="Taken">Locks on relations the statement took that were not held before it (all relations, new ones too).</param>
/// <param name="LocksPolled">The statement ran outside any transaction: <see cref="Taken"/> was polled from a second
/// connection while it ran, so a short lock may be missing.</param>
/// <param name="Rewrites">Pre-existing tables, indexes and TOAST tables given a new relfilenode: rewritten.</param>
/// <param name="Scanned">Pre-existing tables the statement read in full (a validation, a NOT NULL check, a backfill).</param>
/// <param name="Command">The statement's leading keywords, as PostgreSQL's command tag names it (CREATE INDEX).</param>
/// <param name="RowsAffected">From the command tag; -1 when the command reports none.</param>
public sealed record StatementObservation(
    SqlStatement Statement,
    SourceLocation Location,
    Phase Phase,
    bool InTransaction,
    SessionSettings Before,
    IReadOnlyList<HeldLock> HeldBefore,
    IReadOnlyList<HeldLock> Taken,
    bool LocksPolled,
    IReadOnlyList<Rewrite> Rewrites,
    IReadOnlyList<RelationRef> Scanned,
    IReadOnlyList<CatalogChange> Changes,
    TimeSpan Duration,
    string Command,
    long RowsAffected,
    IReadOnlyList<ServerNotice> Notices)
{
    /// <summary>BEGIN, COMMIT, SAVEPOINT…: recorded for where it stands in the script; it locks and changes nothing.</summary>
    public bool IsTransactionControl => Statement.IsTransactionControl;

    /// <summary>A transaction-control statement DbGate did not send, because it holds a transaction around the script
    /// (the migration tool's, or the implicit one of a file sent as one query).</summary>
    public bool NotSent { get; init; }

    /// <summary>
    /// Set when the statement failed outside any transaction after committing part of its work, which is then what
    /// was observed (a failed CREATE INDEX CONCURRENTLY leaves an invalid index). A statement failing inside a
    /// transaction leaves nothing behind and is not observed.
    /// </summary>
    public StatementError? Failed { get; init; }

    /// <summary>Locks the statement took on relations that existed before the script: the only ones that harm anyone.</summary>
    public IEnumerable<HeldLock> TakenOnExisting => Taken.Where(l => l.PreExisting);

    /// <summary>The strongest lock taken on a pre-existing relation, if any.</summary>
    public HeldLock? StrongestTaken(long? relation = null) =>
        TakenOnExisting.Where(l => relation is null || l.Oid == relation).OrderByDescending(l => l.Mode).FirstOrDefault();

    public IEnumerable<CatalogChange> Of(Snapshots.SchemaObjectKind kind, ChangeKind change) =>
        Changes.Where(c => c.Target.Kind == kind && c.Kind == change);
}

/// <summary>lock_timeout, statement_timeout and TimeZone as current_setting printed them.</summary>
public sealed record SessionSettings(string LockTimeout, string StatementTimeout, string TimeZone)
{
    public static SessionSettings Unknown { get; } = new("", "", "");

    public bool HasLockTimeout => LockTimeout is not ("0" or "" or "0ms" or "0s");
}

/// <param name="Name">schema.name, also for a relation dropped by the statement.</param>
/// <param name="Kind">relkind: r, p, f, m, i, I, S, v, t.</param>
public sealed record HeldLock(long Oid, string Name, string Kind, LockMode Mode, bool PreExisting)
{
    public bool IsTable => Kind is "r" or "p" or "f" or "m";
}

/// <param name="Table">For an index or TOAST table, the table it belongs to; for a table, itself.</param>
/// <param name="What">table, index or TOAST table.</param>
public sealed record Rewrite(long Oid, string Name, string What, RelationRef Table, long FileNodeBefore, long FileNodeAfter);

/// <summary>A relation by oid and schema.name.</summary>
public sealed record RelationRef(long Oid, string Name);

/// <summary>A NOTICE or WARNING the server sent while the statement ran.</summary>
public sealed record ServerNotice(string Severity, string SqlState, string Message);

/// <summary>The error a statement failed with.</summary>
public sealed record StatementError(string SqlState, string Message);
