using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// The client's own bounds on a work connection. statement_timeout is enforced by the server, so it cannot help when
/// the server stops answering altogether (a paused container, a network that drops packets silently): then the
/// command timeout and TCP keepalives end the wait, and the run ends incomplete instead of hanging CI.
/// </summary>
internal static class ClientTimeouts
{
    /// <summary>How long past statement_timeout a healthy server may take to report that a statement timed out.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    /// <summary>How long a teardown waits to reach the server: after a fault it is often gone, and nothing is lost by giving up.</summary>
    public const int TeardownConnectSeconds = 5;

    public static NpgsqlConnectionStringBuilder Bounded(this NpgsqlConnectionStringBuilder builder, TimeSpan statementTimeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.CommandTimeout = statementTimeout <= TimeSpan.Zero ? 0 : (int)Math.Ceiling((statementTimeout + Grace).TotalSeconds);
        // A peer that vanished (host down, cable cut) is noticed within about two minutes, even mid-statement.
        // Only over TCP: a unix socket cannot vanish that way, and refuses the options.
        if (!IsUnixSocket(builder.Host))
        {
            builder.TcpKeepAlive = true;
            builder.TcpKeepAliveTime = 30;
            builder.TcpKeepAliveInterval = 10;
        }
        return builder;
    }

    private static bool IsUnixSocket(string? host) =>
        host is { Length: > 0 } && host.Split(',').All(h => h.StartsWith('/') || h.StartsWith('@'));
}
