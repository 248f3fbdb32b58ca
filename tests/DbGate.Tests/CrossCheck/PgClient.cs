using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DbGate.Tests.CrossCheck;

/// <summary>What one psql or pg_dump process did.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public bool Failed => ExitCode != 0;
}

/// <summary>
/// The PostgreSQL client programs, pointed at the test server through libpq's environment variables. Nothing else
/// talks to the server on the independent side of the cross-check.
/// </summary>
internal sealed class PgClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, string?> _environment;

    public PgClient(string npgsqlConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(npgsqlConnectionString);
        MaintenanceDatabase = builder.Database ?? "postgres";
        _environment = new(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = string.IsNullOrEmpty(builder.Password) ? null : builder.Password,
            ["PGSSLMODE"] = SslMode(builder.SslMode),
            ["PGCONNECT_TIMEOUT"] = "30",
            // Whatever the environment says, libpq must take the settings above and nothing else.
            ["PGDATABASE"] = null,
            ["PGSERVICE"] = null,
            ["PGOPTIONS"] = null,
        };
    }

    /// <summary>The database of the connection string, where databases are created and dropped.</summary>
    public string MaintenanceDatabase { get; }

    public Task<ToolRun> PsqlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", .. arguments], cancellationToken);

    public Task<ToolRun> PgDumpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", arguments, cancellationToken);

    private async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ClientPrograms.Path(program), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in _environment)
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var error = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            return new ToolRun(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string SslMode(SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
