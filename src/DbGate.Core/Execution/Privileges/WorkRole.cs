using System.Security.Cryptography;
using Npgsql;

namespace DbGate.Core.Execution.Privileges;

/// <summary>
/// The role a run's migrations execute as: LOGIN and nothing else, no superuser, no CREATEROLE, no membership in any
/// role, so COPY … PROGRAM, server files, ALTER SYSTEM and untrusted extensions are out of its reach. It owns the work
/// database, which is all a migration needs. Its password is random per run and never leaves this process.
/// </summary>
internal sealed class WorkRole(string name, string password)
{
    public string Name { get; } = name;

    public string Password { get; } = password;

    public static async Task<WorkRole> CreateAsync(NpgsqlConnection admin, string name, AdminRights rights, CancellationToken cancellationToken)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var verifier = ScramVerifier.For(password);
        await ExecuteAsync(admin, $"CREATE ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{verifier}'", cancellationToken);
        // A non-superuser may give a database only to a role it can SET ROLE to (PostgreSQL 16 asks for it explicitly).
        if (!rights.IsSuperuser)
            await ExecuteAsync(admin, $"GRANT {name} TO CURRENT_USER", cancellationToken);
        return new WorkRole(name, password);
    }

    /// <summary>Drops the role once the databases it owns are gone; best effort, like the rest of teardown.</summary>
    public async Task DropAsync(NpgsqlConnection admin, CancellationToken cancellationToken)
    {
        await ExecuteAsync(admin, $"DROP ROLE IF EXISTS {Name}", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
