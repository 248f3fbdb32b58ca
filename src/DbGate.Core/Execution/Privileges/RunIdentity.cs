namespace DbGate.Core.Execution.Privileges;

/// <summary>How much the role that runs migrations, seeds and benchmarks may do.</summary>
public enum PrivilegeLevel
{
    /// <summary>A role DbGate created that owns the work database and nothing else.</summary>
    Least,

    /// <summary>The connection's own role, not a superuser: DbGate could not create one of its own.</summary>
    ConnectionRole,

    /// <summary>A superuser, because dbgate.yml opted in with postgres.superuser: true.</summary>
    Superuser,
}

/// <summary>Who the migrations ran as, in words every report prints.</summary>
/// <param name="Role">The role name; for a role DbGate created it changes with every run.</param>
public sealed record RunIdentity(string Role, PrivilegeLevel Level, string Description)
{
    public static RunIdentity Least(string role) =>
        new(role, PrivilegeLevel.Least, $"Least privilege: migrations ran as role {role}, which owns the work database and nothing else (no superuser, no server files or programs).");

    public static RunIdentity Superuser(string role) =>
        new(role, PrivilegeLevel.Superuser, $"SUPERUSER: migrations ran as superuser {role}, because dbgate.yml sets postgres.superuser: true.");

    public static RunIdentity ConnectionRole(string role, string why) =>
        new(role, PrivilegeLevel.ConnectionRole, $"Migrations ran as the connection's role {role}, not a superuser, because {why}.");
}
