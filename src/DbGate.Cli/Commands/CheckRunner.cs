using DbGate.Cli.Output;
using DbGate.Core.Configuration;
using DbGate.Core.Providers;
using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Cli.Commands;

/// <summary>Runs the gate, writes the reports, and maps the outcome to an exit code. Every error is one line.</summary>
internal static class CheckRunner
{
    public static async Task<int> RunAsync(CheckArguments arguments, CheckSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var console = new CheckConsole(settings.Output());
            var options = await OptionsResolver.ResolveAsync(arguments, Environment.CurrentDirectory, cancellationToken) with { ChangedSince = settings.ChangedSince };
            var result = await console.RunAsync(options, cancellationToken);
            await WriteReportsAsync(result, options, console);
            if (!result.Complete)
            {
                await Console.Error.WriteLineAsync($"dbgate: run incomplete: {result.Interruption}");
                return ExitCodes.Infrastructure;
            }
            return result.FailsAt(options.FailOn) ? ExitCodes.Findings : ExitCodes.Passed;
        }
        catch (ConfigurationException e)
        {
            return await FailAsync(e.Message, ExitCodes.Usage);
        }
        catch (InfrastructureException e)
        {
            return await FailAsync(e.Message, ExitCodes.Infrastructure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync("cancelled", ExitCodes.Infrastructure);
        }
        catch (IOException e)
        {
            return await FailAsync(e.Message, ExitCodes.Infrastructure);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return await FailAsync($"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.Internal);
        }
    }

    /// <summary>Reports are written even for an incomplete run: what was seen is still worth reading.</summary>
    private static async Task WriteReportsAsync(GateResult result, GateOptions options, CheckConsole console)
    {
        // Not cancellable: a cancelled run still leaves its reports behind.
        var context = new ReportContext { FailOn = options.FailOn };
        await console.ReportAsync(result, options, context);
        var reports = options.Reports;
        foreach (var (format, path) in new[] { (ReportFormat.Sarif, reports.Sarif), (ReportFormat.JUnit, reports.JUnit), (ReportFormat.Json, reports.Json), (ReportFormat.Markdown, reports.Markdown) })
        {
            if (path is not null)
                await ReportWriters.WriteFileAsync(result, format, path, context, CancellationToken.None);
        }
    }

    private static async Task<int> FailAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"dbgate: {message}");
        return exitCode;
    }
}
