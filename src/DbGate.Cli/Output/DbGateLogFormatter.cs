using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace DbGate.Cli.Output;

/// <summary>
/// --verbose lines as DbGate's own (<c>dbgate: message</c>, like every other line it prints on stderr), so scripts and
/// tests that read stderr see one convention; the level is spelled out only when it is above debug.
/// </summary>
internal sealed class DbGateLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "dbgate";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel > LogLevel.Information ? $"{logEntry.LogLevel.ToString().ToLowerInvariant()}: " : "";
        textWriter.Write($"dbgate: {level}{message.ReplaceLineEndings(" ")}\n");
    }
}
