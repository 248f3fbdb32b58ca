namespace DbGate.Core.Providers;

/// <summary>
/// A running server. Disposing it stops and removes whatever the provider started (process, directory,
/// container); for an existing server it only closes what DbGate opened.
/// </summary>
public interface IPostgresServer : IAsyncDisposable
{
    /// <summary>Human description without secrets, for example "PostgreSQL 15.18 (local, /usr/lib/postgresql/15/bin)".</summary>
    string Description { get; }

    /// <summary>
    /// Connection string of a role allowed to create databases, pointing at a maintenance database.
    /// Never print it: it may hold a password.
    /// </summary>
    string AdminConnectionString { get; }
}
