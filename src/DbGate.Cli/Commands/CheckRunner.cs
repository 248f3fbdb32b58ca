using DbGate.Cli.Output;
using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Providers;
using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Cli.Commands;

/// <summary>Runs the gate, writes the reports, and maps the outcome to an exit code. Every error is one line, and no line a secret.</summary>
internal static class CheckRunner
{
    public static async Task<int> RunAsync(CheckArguments arguments, CheckSettings settings, CancellationToken cancellationToken)
    {
        var secrets = SecretRedactor.FromEnvironment();
        secrets.AddConnection(arguments.Connection);
        GateOptions? options = null;
        try
        {
            if (SecretRedactor.PasswordOf(arguments.Connection) is not null)
                await Console.Error.WriteLineAsync($"dbgate: warning: a password given with --connection is visible to every user of this machine in the process list; set {ProviderSelector.ConnectionVariable} or postgres.connection: ${{VARIABLE}} in dbgate.yml instead");
            var console = new CheckConsole(settings.Output(), line => secrets.Redact(line));
            options = await OptionsResolver.ResolveAsync(arguments, Environment.CurrentDirectory, cancellationToken) with { ChangedSince = settings.ChangedSince };
            secrets.AddConnection(options.Connection);
            var result = secrets.Redact(await console.RunAsync(options, cancellationToken));
            return await FinishAsync(result, options, console);
        }
        catch (ConfigurationException e)
        {
            return await FailAsync(secrets, e.Message, ExitCodes.Usage);
        }
        catch (InfrastructureException e)
        {
            var exit = await FailAsync(secrets, e.Message, ExitCodes.Infrastructure);
            // Nothing was checked, but a CI step that uploads the reports still finds them, and they say why.
            if (options is not null)
                await WriteReportFilesAsync(secrets.Redact(NothingChecked(options, e.Message)), options, Context(options), passed: false);
            return exit;
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
    private static async Task<int> FinishAsync(GateResult result, GateOptions options, CheckConsole console)
    {
        var context = Context(options);
        // Not cancellable: a cancelled run still leaves its reports behind.
        await console.ReportAsync(result, options, context);
        var verdict = !result.Complete ? ExitCodes.Infrastructure : result.FailsAt(options.FailOn) ? ExitCodes.Findings : ExitCodes.Passed;
        if (!result.Complete)
            await Console.Error.WriteLineAsync($"dbgate: run incomplete: {result.Interruption}");
        var written = await WriteReportFilesAsync(result, options, context, passed: verdict == ExitCodes.Passed);
        return written ? verdict : ExitCodes.Infrastructure;
    }

    /// <summary>One line per report that could not be written, saying what the gate itself decided, so a pass is never mistaken for a failure.</summary>
    private static async Task<bool> WriteReportFilesAsync(GateResult result, GateOptions options, ReportContext context, bool passed)
    {
        var failures = await ReportFiles.WriteAsync(result, options.Reports, context);
        foreach (var failure in failures)
        {
            var subject = passed ? $"the gate passed, but its {failure.Format} report" : $"the {failure.Format} report";
            await Console.Error.WriteLineAsync($"dbgate: {subject} could not be written to {Shown(failure.Path)}: {failure.Reason.ReplaceLineEndings(" ")}");
        }
        return failures.Count == 0;
    }

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static ReportContext Context(GateOptions options) => new() { FailOn = options.FailOn };

    private static GateResult NothingChecked(GateOptions options, string why) =>
        new(options.ProjectRoot, "none (PostgreSQL was not started)", [], [], TimeSpan.Zero, Complete: false, Interruption: why);

    /// <summary>One line: a message may quote what it was given, so it is redacted, and cut at its first line break.</summary>
    private static async Task<int> FailAsync(SecretRedactor secrets, string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"dbgate: {secrets.Redact(message).ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
