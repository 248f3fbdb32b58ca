namespace DbGate.Core.Providers.Local;

/// <summary>How the throwaway server is configured: private, fast, and quiet.</summary>
internal static class ServerSettings
{
    public static IReadOnlyList<string> Arguments(string dataDirectory, string socketDirectory) =>
    [
        "-D", dataDirectory,
        "-k", socketDirectory,
        // No TCP at all: the socket lives in our private directory, so parallel runs cannot collide.
        "-c", "listen_addresses=",
        "-c", "port=5432",
        // Disable durability: the cluster is deleted at the end, a crash loses nothing of value.
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "wal_level=minimal",
        "-c", "max_wal_senders=0",
        "-c", "max_wal_size=2GB",
        // Keep observations repeatable: no background vacuum or JIT changing what a statement does.
        "-c", "autovacuum=off",
        "-c", "jit=off",
        "-c", "max_connections=50",
        "-c", "lc_messages=C",
        // Migration errors are reported by DbGate itself; the server log would only repeat them.
        "-c", "log_min_error_statement=panic",
        "-c", "log_checkpoints=off",
    ];
}
