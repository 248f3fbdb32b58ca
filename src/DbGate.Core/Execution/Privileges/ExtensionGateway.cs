using System.Reflection;
using DbGate.Core.Sql;
using Npgsql;

namespace DbGate.Core.Execution.Privileges;

/// <summary>
/// Lets the unprivileged migration role create the untrusted extensions dbgate.yml lists (postgres.extensions), and
/// only those, through SECURITY DEFINER functions that DbGate's privileged connection installs in the work database.
/// Trusted extensions (pgcrypto, citext, pg_trgm…) need none of this: PostgreSQL lets a database owner create them.
/// </summary>
internal sealed class ExtensionGateway
{
    public const string Schema = "dbgate_privileged";

    private readonly HashSet<string> _allowed;

    private ExtensionGateway(IEnumerable<string> allowed) => _allowed = allowed.ToHashSet(StringComparer.Ordinal);

    /// <summary>Installs the functions in the database <paramref name="admin"/> is connected to, callable by <paramref name="role"/> only.</summary>
    public static async Task<ExtensionGateway> InstallAsync(NpgsqlConnection admin, string role, IReadOnlyList<string> allowed, CancellationToken cancellationToken)
    {
        var array = "ARRAY[" + string.Join(", ", allowed.Select(a => "'" + a.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
        var script = ReadScript().Replace("{allowed}", array, StringComparison.Ordinal);
        foreach (var statement in SqlSplitter.Split(script))
            await ExecuteAsync(admin, statement.Text, cancellationToken);
        await ExecuteAsync(admin, $"GRANT USAGE ON SCHEMA {Schema} TO {role}", cancellationToken);
        await ExecuteAsync(admin, $"GRANT EXECUTE ON FUNCTION {Schema}.create_extension, {Schema}.update_extension, {Schema}.drop_extension TO {role}", cancellationToken);
        return new ExtensionGateway(allowed);
    }

    /// <summary>The text to send for <paramref name="statement"/>: the gateway call for a listed extension, else the statement itself.</summary>
    public string TextFor(SqlStatement statement) =>
        ExtensionStatement.Parse(statement.Text) is { } parsed && parsed.Names.All(_allowed.Contains)
            ? parsed.ToGatewayCall()
            : statement.Text;

    private static string ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("privileges/extension_gateway.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
