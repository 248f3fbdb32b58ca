using DbGate.Core.Configuration;
using DbGate.Core.Gate;

namespace DbGate.Cli.Commands;

/// <summary>
/// What one command may say on stderr, and the secrets it must not say: the passwords of every connection string it
/// is given or resolves, and PGPASSWORD. Every line goes through <see cref="Secrets"/>, so a command that quotes a
/// connection string (or a library that does) still shows no password.
/// </summary>
internal sealed class CommandRun
{
    private readonly string? _subject;

    public CommandRun(string? connection, string? subject)
    {
        _subject = subject;
        Secrets = SecretRedactor.FromEnvironment();
        Secrets.AddConnection(connection);
    }

    public SecretRedactor Secrets { get; }

    /// <summary>Resolves the options and adds the connection they hold (dbgate.yml's ${VARIABLE}, DBGATE_CONNECTION) to the secrets.</summary>
    public async Task<GateOptions> ResolveAsync(CheckArguments arguments, CancellationToken cancellationToken)
    {
        var options = await OptionsResolver.ResolveAsync(arguments, Environment.CurrentDirectory, cancellationToken);
        Secrets.AddConnection(options.Connection);
        return options;
    }

    /// <summary>A progress or warning line: <c>dbgate: …</c> on stderr.</summary>
    public void Notice(string line) => Console.Error.WriteLine($"dbgate: {Secrets.Redact(line)}");

    /// <summary>The command's one error line, cut to one line and redacted, and its exit code.</summary>
    public async Task<int> FailAsync(string message, int exitCode)
    {
        var line = Secrets.Redact(message).ReplaceLineEndings(" ").Trim();
        await Console.Error.WriteLineAsync(_subject is null ? $"dbgate: {line}" : $"dbgate: {_subject}: {line}");
        return exitCode;
    }
}
