using System.CommandLine;
using DbGate.Core.Observation.Statistics;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate stats export --connection … [--out FILE]</c>: production table sizes for lint.stats.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection") { Description = "Connection string of the server to read sizes from (only catalog and statistics views are read)", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write row and page estimates of every table, for dbgate.yml's lint.stats.") { connection, output };
        export.SetAction((result, cancellationToken) => CommandErrors.RunAsync(result.GetValue(connection), async _ =>
        {
            var stats = await StatsExport.ReadAsync(result.GetValue(connection)!, cancellationToken);
            await using var stream = result.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            await stats.WriteAsync(stream, cancellationToken);
            return ExitCodes.Passed;
        }, cancellationToken, subject: "stats export"));
        return new Command("stats", "Production statistics for the lint.") { export };
    }
}
