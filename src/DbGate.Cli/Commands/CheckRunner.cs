using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Providers;
using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Cli.Commands;

/// <summary>Runs the gate, writes the reports, and maps the outcome to an exit code. Every error is one line, and no line a secret.</summary>
internal static class CheckRunner
{
    public static async Task<int> RunAsync(CheckArguments arguments, CancellationToken cancellationToken)
    {
        var secrets = SecretRedactor.FromEnvironment();
        secrets.AddConnection(arguments.Connection);
        try
        {
            if (SecretRedactor.PasswordOf(arguments.Connection) is not null)
                await Console.Error.WriteLineAsync($"dbgate: warning: a password given with --connection is visible to every user of this machine in the process list; set {ProviderSelector.ConnectionVariable} or postgres.connection: ${{VARIABLE}} in dbgate.yml instead");
            var options = await OptionsResolver.ResolveAsync(arguments, Environment.CurrentDirectory, cancellationToken);
            secrets.AddConnection(options.Connection);
            var result = secrets.Redact(await GateRunner.RunAsync(options, line => Console.Error.WriteLine($"dbgate: {secrets.Redact(line)}"), cancellationToken));
            await WriteReportsAsync(result, options);
            if (!result.Complete)
            {
                await Console.Error.WriteLineAsync($"dbgate: run incomplete: {result.Interruption}");
                return ExitCodes.Infrastructure;
            }
            return result.FailsAt(options.FailOn) ? ExitCodes.Findings : ExitCodes.Passed;
        }
        catch (ConfigurationException e)
        {
            return await FailAsync(secrets, e.Message, ExitCodes.Usage);
        }
        catch (InfrastructureException e)
        {
            return await FailAsync(secrets, e.Message, ExitCodes.Infrastructure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(secrets, "cancelled", ExitCodes.Infrastructure);
        }
        catch (IOException e)
        {
            return await FailAsync(secrets, e.Message, ExitCodes.Infrastructure);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return await FailAsync(secrets, $"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.Internal);
        }
    }

    /// <summary>Reports are written even for an incomplete run: what was seen is still worth reading.</summary>
    private static async Task WriteReportsAsync(GateResult result, GateOptions options)
    {
        // Not cancellable: a cancelled run still leaves its reports behind.
        var context = new ReportContext { FailOn = options.FailOn };
        await new TextReportWriter(context, TextReportOptions.ForConsole()).WriteAsync(result, Console.Out, CancellationToken.None);
        var reports = options.Reports;
        foreach (var (format, path) in new[] { (ReportFormat.Sarif, reports.Sarif), (ReportFormat.JUnit, reports.JUnit), (ReportFormat.Json, reports.Json), (ReportFormat.Markdown, reports.Markdown) })
        {
            if (path is not null)
                await ReportWriters.WriteFileAsync(result, format, path, context, CancellationToken.None);
        }
    }

    /// <summary>One line: a message may quote what it was given, so it is redacted, and cut at its first line break.</summary>
    private static async Task<int> FailAsync(SecretRedactor secrets, string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"dbgate: {secrets.Redact(message).ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
