namespace DbGate.Core.Execution;

/// <summary>How the work database is set up and whom the migrations run as.</summary>
/// <param name="Superuser">postgres.superuser: run as the connection's superuser instead of an unprivileged role.</param>
/// <param name="Extensions">postgres.extensions: untrusted extensions the unprivileged role may still create.</param>
/// <param name="AllowExistingDatabase">Work in the connection's database even when it holds objects DbGate did not create.</param>
internal sealed record WorkDatabaseOptions(TimeSpan StatementTimeout, bool Superuser = false, IReadOnlyList<string>? Extensions = null, bool AllowExistingDatabase = false)
{
    public IReadOnlyList<string> Extensions { get; init; } = Extensions ?? [];

    /// <summary>A database to copy instead of template0: a cached migrated prefix, for check --changed.</summary>
    public string? Template { get; init; }
}
