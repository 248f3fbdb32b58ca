using DbGate.Core.Results;

namespace DbGate.Core.Execution;

/// <summary>Why a script did not run to the end, as PostgreSQL (or the splitter) said it, located in the file.</summary>
/// <param name="SqlState">PostgreSQL's SQLSTATE; null when the script could not even be split into statements.</param>
public sealed record ScriptFailure(string Message, string? SqlState, SourceLocation Location, string? Detail = null, string? Hint = null)
{
    /// <summary>25001: the statement refuses to run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM…).</summary>
    public bool RefusesTransaction => SqlState == "25001";

    /// <summary>For SQL a tool generated (EF Core): the place in the generated file, while Location is the source it came from.</summary>
    public SourceLocation? GeneratedAt { get; init; }

    /// <summary>42501: the role the migrations run as may not do this (a role, ALTER SYSTEM, server files, an untrusted extension…).</summary>
    public bool PermissionDenied => SqlState == "42501";

    public override string ToString() => SqlState is null ? Message : $"{Message} (SQLSTATE {SqlState})";
}
