using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// Tells a fault of the server, or of the way to it, from a migration's own error. A fault (the connection broke, the
/// server ended the session or ran out of disk, a statement ran out of time) says nothing about the migration: the
/// run stops incomplete instead of blaming the step, and the steps after it are not judged on a damaged database.
/// </summary>
internal static class ServerFault
{
    /// <summary>True when PostgreSQL's error is about the server or the session rather than the statement.</summary>
    public static bool IsFault(PostgresException e) =>
        e.InvariantSeverity is "FATAL" or "PANIC"
        || e.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exception
        || e.SqlState.StartsWith("53", StringComparison.Ordinal)   // insufficient resources: disk full, out of memory, too many connections
        || e.SqlState.StartsWith("57P", StringComparison.Ordinal)  // operator intervention: pg_terminate_backend, shutdown, crash
        || e.SqlState is "57014"                                   // statement_timeout, or a cancel request from elsewhere
            or "58000" or "58030";                                 // system and I/O errors

    /// <summary>One line saying why the run cannot go on, or null when <paramref name="e"/> is no fault of the server.</summary>
    public static string? Describe(Exception e) => e switch
    {
        ServerFaultException fault => fault.Message,
        PostgresException postgres when IsFault(postgres) => $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})",
        NpgsqlException { InnerException: TimeoutException } => "PostgreSQL stopped answering: no reply before the client's timeout",
        NpgsqlException and not PostgresException => $"lost the connection to PostgreSQL ({Innermost(e)})",
        _ => null,
    };

    private static string Innermost(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
            inner = inner.InnerException;
        return inner is EndOfStreamException ? "the server closed the connection" : inner.Message.Split('\n')[0].Trim();
    }
}
