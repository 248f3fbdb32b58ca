using Npgsql;

namespace DbGate.Core.Execution.Privileges;

/// <summary>What the role of the connection DbGate was given may do, read from the server rather than assumed.</summary>
/// <param name="ServerFileRoles">Memberships that reach the server's files or programs (pg_execute_server_program…).</param>
internal sealed record AdminRights(string UserName, bool IsSuperuser, bool CanCreateRole, bool CanCreateDatabase, IReadOnlyList<string> ServerFileRoles)
{
    private const string Query = """
        SELECT current_user, r.rolsuper, r.rolcreaterole, r.rolcreatedb,
               ARRAY(SELECT p FROM unnest(ARRAY['pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files']) p
                     WHERE to_regrole(p) IS NOT NULL AND pg_has_role(current_user, p, 'USAGE'))
        FROM pg_roles r WHERE r.rolname = current_user
        """;

    public static async Task<AdminRights> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AdminRights(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetFieldValue<string[]>(4));
    }
}
