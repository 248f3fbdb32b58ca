using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DbGate.Cli.Output;

/// <summary>--verbose: the run's diagnostics through Microsoft.Extensions.Logging's console logger, on stderr.</summary>
internal static partial class Diagnostics
{
    public static ILoggerFactory Create(OutputSettings settings) =>
        LoggerFactory.Create(builder =>
        {
            if (!settings.Verbose)
                return;
            builder.SetMinimumLevel(LogLevel.Debug);
            // stdout is the report's: every log line goes to stderr, in DbGate's own one-line form.
            builder.AddConsole(o =>
            {
                o.LogToStandardErrorThreshold = LogLevel.Trace;
                o.FormatterName = DbGateLogFormatter.Name;
            });
            builder.AddConsoleFormatter<DbGateLogFormatter, ConsoleFormatterOptions>();
        });

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Line}")]
    public static partial void Line(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Debug, Message = "step {Index} of {Count}: {Migration}")]
    public static partial void Step(ILogger logger, int index, int count, string migration);
}
