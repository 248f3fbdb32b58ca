namespace DbGate.Core.Gate;

/// <summary>What a run tells the person waiting for it, as it goes. Every callback is optional; none gets a secret.</summary>
public sealed record GateProgress
{
    /// <summary>Diagnostics: a server starting, a step done, a cache hit.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Something the user should see even without --verbose, such as a migration edited in place.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>A step began: 1-based index, how many in all, the migration's id.</summary>
    public Action<int, int, string>? Step { get; init; }

    /// <summary>What the run is doing before its steps start (planning, starting PostgreSQL, applying the prefix).</summary>
    public Action<string>? Stage { get; init; }
}
