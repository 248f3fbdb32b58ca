using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Reports;
using DbGate.Core.Reports.Hosts;
using DbGate.Core.Results;
using Microsoft.Extensions.Logging;

namespace DbGate.Cli.Output;

/// <summary>
/// Everything <c>check</c> shows: a live progress line on a terminal (nothing in a log unless --verbose), then the
/// findings and the verdict; the per-step table only with --verbose or when the run fails; under GitHub Actions
/// also annotations, the step summary and the step's outputs.
/// </summary>
/// <param name="redact">Applied to every line before it is shown: a line may quote a connection string.</param>
internal sealed class CheckConsole(OutputSettings settings, Func<string, string> redact)
{
    public async Task<GateResult> RunAsync(GateOptions options, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        GateResult result;
        using (var loggers = Diagnostics.Create(settings))
        {
            var logger = loggers.CreateLogger("DbGate");
            var progress = new GateProgress
            {
                Log = Debug,
                Step = (index, count, migration) => Diagnostics.Step(logger, index, count, migration),
                Warn = line =>
                {
                    lock (warnings)
                        warnings.Add(line);
                },
            };
            void Debug(string line)
            {
                if (!logger.IsEnabled(LogLevel.Debug))
                    return;
                var shown = redact(line);
                Diagnostics.Line(logger, shown);
            }

            result = settings.LiveProgress
                ? await LiveProgress.RunAsync(progress, p => GateRunner.RunAsync(options, p, cancellationToken))
                : await GateRunner.RunAsync(options, progress, cancellationToken);
        }
        foreach (var warning in warnings)
            await Console.Error.WriteLineAsync($"dbgate: warning: {redact(warning)}");
        return result;
    }

    /// <summary>Not cancellable: a cancelled run still shows what it saw.</summary>
    public async Task ReportAsync(GateResult result, GateOptions options, ReportContext context)
    {
        if (settings.Format == LogFormat.MsBuild)
        {
            await WriteAsync(ReportFormat.MsBuild, result, context);
            return;
        }
        var passed = result.Complete && !result.FailsAt(options.FailOn);
        var text = new TextReportOptions
        {
            Colour = settings.Colour,
            ShowSteps = settings.Verbose || (!settings.Quiet && !passed),
            ShowSummary = !settings.Quiet,
        };
        await new TextReportWriter(context, text).WriteAsync(result, Console.Out, CancellationToken.None);
        if (GitHubRunner.IsActive)
            await GitHubRunner.PublishAsync(result, context, options.Reports, Console.Out, CancellationToken.None);
    }

    private static async Task WriteAsync(ReportFormat format, GateResult result, ReportContext context)
    {
        await using var stdout = Console.OpenStandardOutput();
        await ReportWriters.Create(format, context).WriteAsync(result, stdout, CancellationToken.None);
    }
}
