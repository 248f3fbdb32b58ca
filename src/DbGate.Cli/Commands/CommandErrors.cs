using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Providers;
using Npgsql;

namespace DbGate.Cli.Commands;

/// <summary>
/// The one mapping, for every command, from what it throws to one line on stderr and the documented exit code
/// (README, "Command line"); every line redacted by the command's <see cref="CommandRun"/>.
/// </summary>
internal static class CommandErrors
{
    /// <param name="connection">The --connection the command was given, a secret from the first line it prints.</param>
    /// <param name="subject">Put before every error line, such as "stats export".</param>
    /// <param name="infrastructureFailed">Called with the message after its line when PostgreSQL could not be started.</param>
    public static async Task<int> RunAsync(
        string? connection,
        Func<CommandRun, Task<int>> command,
        CancellationToken cancellationToken,
        string? subject = null,
        Func<CommandRun, string, Task>? infrastructureFailed = null)
    {
        var run = new CommandRun(connection, subject);
        try
        {
            if (SecretRedactor.PasswordOf(connection) is not null)
                run.Notice($"warning: a password given with --connection is visible to every user of this machine in the process list; set {ProviderSelector.ConnectionVariable} or postgres.connection: ${{VARIABLE}} in dbgate.yml instead");
            return await command(run);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var (message, exitCode) = Classify(e, cancellationToken);
            await run.FailAsync(message, exitCode);
            if (e is InfrastructureException && infrastructureFailed is not null)
                await infrastructureFailed(run, message);
            return exitCode;
        }
    }

    /// <summary>The message and exit code for an exception; anything not named here is a bug in DbGate.</summary>
    public static (string Message, int ExitCode) Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ConfigurationException e => (e.Message, ExitCodes.Usage),
        Core.Docs.MigrationFailedException e => (e.Message, ExitCodes.Findings),
        InfrastructureException e => (e.Message, ExitCodes.Infrastructure),
        OperationCanceledException when cancellationToken.IsCancellationRequested => ("cancelled", ExitCodes.Infrastructure),
        // A disk that is full or a file that may not be written: the machine's problem, not the input's.
        IOException or UnauthorizedAccessException => (exception.Message, ExitCodes.Infrastructure),
        // The server, or the connection to it, failed outside the places that already say so.
        NpgsqlException e => ($"PostgreSQL: {e.Message}", ExitCodes.Infrastructure),
        _ => ($"internal error ({exception.GetType().Name}): {exception.Message}", ExitCodes.Internal),
    };

    /// <summary>A command line System.CommandLine could not parse: one line, exit 2; it may quote a mistyped Password=….</summary>
    public static async Task<int> UsageAsync(string message)
    {
        await Console.Error.WriteLineAsync($"dbgate: {SecretRedactor.FromEnvironment().Redact(message).ReplaceLineEndings(" ")}");
        return ExitCodes.Usage;
    }
}
