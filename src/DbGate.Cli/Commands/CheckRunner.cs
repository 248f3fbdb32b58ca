using DbGate.Cli.Output;
using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Reports;
using DbGate.Core.Results;

namespace DbGate.Cli.Commands;

/// <summary>Runs the gate, writes the reports, and maps the outcome to an exit code. Every error is one line, and no line a secret.</summary>
internal static class CheckRunner
{
    public static Task<int> RunAsync(CheckArguments arguments, CheckSettings settings, CancellationToken cancellationToken)
    {
        GateOptions? options = null;
        return CommandErrors.RunAsync(
            arguments.Connection,
            async run =>
            {
                var console = new CheckConsole(settings.Output(), run.Secrets.Redact);
                options = await run.ResolveAsync(arguments, cancellationToken) with { ChangedSince = settings.ChangedSince };
                var result = run.Secrets.Redact(await console.RunAsync(options, cancellationToken));
                return await FinishAsync(result, options, console);
            },
            cancellationToken,
            // Nothing was checked, but a CI step that uploads the reports still finds them, and they say why.
            infrastructureFailed: async (run, why) =>
            {
                if (options is not null)
                    await WriteReportFilesAsync(run.Secrets.Redact(NothingChecked(options, why)), options, Context(options), passed: false);
            });
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
}
