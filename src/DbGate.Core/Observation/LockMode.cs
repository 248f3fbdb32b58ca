namespace DbGate.Core.Observation;

/// <summary>PostgreSQL's table-level lock modes, weakest first, as pg_locks names them without the "Lock" suffix.</summary>
public enum LockMode
{
    AccessShare = 1,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

public static class LockModes
{
    public static LockMode Parse(string pgLocksMode) =>
        Enum.TryParse<LockMode>(pgLocksMode.EndsWith("Lock", StringComparison.Ordinal) ? pgLocksMode[..^4] : pgLocksMode, out var mode)
            ? mode
            : throw new FormatException($"unknown lock mode {pgLocksMode}");

    /// <summary>SHARE and stronger conflict with the locks that INSERT, UPDATE and DELETE take: they stop writes.</summary>
    public static bool BlocksWrites(this LockMode mode) => mode >= LockMode.Share;

    /// <summary>Only ACCESS EXCLUSIVE conflicts with plain SELECT.</summary>
    public static bool BlocksReads(this LockMode mode) => mode == LockMode.AccessExclusive;

    /// <summary>As the SQL command LOCK spells it: ACCESS EXCLUSIVE.</summary>
    public static string SqlName(this LockMode mode) => mode switch
    {
        LockMode.AccessShare => "ACCESS SHARE",
        LockMode.RowShare => "ROW SHARE",
        LockMode.RowExclusive => "ROW EXCLUSIVE",
        LockMode.ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
        LockMode.Share => "SHARE",
        LockMode.ShareRowExclusive => "SHARE ROW EXCLUSIVE",
        LockMode.Exclusive => "EXCLUSIVE",
        _ => "ACCESS EXCLUSIVE",
    };

    /// <summary>What the running application cannot do on a table while the lock is held (or waited for).</summary>
    public static string Blocks(this LockMode mode) => mode switch
    {
        LockMode.AccessExclusive => "every query, reads included",
        LockMode.Exclusive => "writes and SELECT … FOR UPDATE/SHARE",
        LockMode.ShareRowExclusive or LockMode.Share => "writes (INSERT, UPDATE, DELETE)",
        LockMode.ShareUpdateExclusive => "other schema changes, VACUUM and ANALYZE",
        _ => "only ACCESS EXCLUSIVE locks",
    };
}
