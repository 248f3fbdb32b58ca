using System.Globalization;
using Npgsql;

namespace DbGate.Core.Execution.Commands;

/// <summary>
/// How a tool's command reaches the work database: DATABASE_URL and libpq's PG* variables, which every PostgreSQL
/// driver reads. The password is only ever in the environment, never on a command line.
/// </summary>
internal static class CommandEnvironment
{
    public static Dictionary<string, string?> For(string connectionString, TimeSpan statementTimeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = builder.Host ?? "localhost";
        var socket = host.StartsWith('/');
        var port = builder.Port.ToString(CultureInfo.InvariantCulture);
        var user = Uri.EscapeDataString(builder.Username ?? "postgres");
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        var database = Uri.EscapeDataString(builder.Database ?? "postgres");
        var url = socket
            ? $"postgresql://{user}{password}@/{database}?host={Uri.EscapeDataString(host)}&port={port}"
            : $"postgresql://{user}{password}@{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}/{database}";
        var environment = WithoutLibpqVariables();
        foreach (var (name, value) in new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = url,
            ["PGHOST"] = host,
            ["PGPORT"] = port,
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = string.IsNullOrEmpty(builder.Password) ? null : builder.Password,
            ["PGDATABASE"] = builder.Database,
            // The tool's statements are bounded like DbGate's own, so a hung migration cannot hang CI.
            ["PGOPTIONS"] = $"-c statement_timeout={(long)statementTimeout.TotalMilliseconds}",
            // Nothing from the caller's environment may redirect the tool to another server.
            ["PGSERVICE"] = null,
            ["PGSERVICEFILE"] = null,
            ["PGPASSFILE"] = null,
            // DbGate's own secret (a server the run may not touch) is not the tool's to see.
            ["DBGATE_CONNECTION"] = null,
        })
            environment[name] = value;
        return environment;
    }

    /// <summary>
    /// Removes every libpq variable of DbGate's own environment (a null value removes it from the child's): PGHOSTADDR
    /// or PGSSLMODE would send the tool to another server or change how it connects, and PGSSLPASSWORD is a secret.
    /// </summary>
    public static Dictionary<string, string?> WithoutLibpqVariables() =>
        Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith("PG", StringComparison.Ordinal))
            .ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
}
