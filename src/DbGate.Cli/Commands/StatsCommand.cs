using System.CommandLine;
using DbGate.Core.Observation.Statistics;
using Npgsql;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate stats export --connection … [--out FILE]</c>: production table sizes for lint.stats.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection") { Description = "Connection string of the server to read sizes from (only catalog and statistics views are read)", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write row and page estimates of every table, for dbgate.yml's lint.stats.") { connection, output };
        export.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var stats = await StatsExport.ReadAsync(result.GetValue(connection)!, cancellationToken);
                await using var stream = result.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
                await stats.WriteAsync(stream, cancellationToken);
                return ExitCodes.Passed;
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"dbgate: stats export: {e.Message.Split('\n')[0]}");
                return e is NpgsqlException ? ExitCodes.Infrastructure : ExitCodes.Usage;
            }
        });
        return new Command("stats", "Production statistics for the lint.") { export };
    }
}
