using System.Text.RegularExpressions;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>One run of the real CLI, and what the README promises of its errors: one line, its exit code, no stack trace, no secret.</summary>
internal sealed partial record CliOutcome(string Label, int ExitCode, string Output, string Error)
{
    /// <summary>Lines a run may print on stderr besides its error: the --connection warning, and progress.</summary>
    private static readonly string[] Notices = ["dbgate: warning: a password given with --connection", "dbgate: starting PostgreSQL"];

    /// <summary>Runs each case at once, a few at a time: every run is a process start, and they wait mostly on the runtime.</summary>
    public static async Task<IReadOnlyList<CliOutcome>> RunAllAsync(
        IEnumerable<(string Label, string[] Arguments)> cases, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var slots = new SemaphoreSlim(3);
        return await Task.WhenAll(cases.Select(async c =>
        {
            await slots.WaitAsync();
            try
            {
                using var cli = CliProcess.Start(c.Arguments, environment, workingDirectory);
                var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));
                return new CliOutcome(c.Label, exit, output, error);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The error line itself, when stderr holds exactly one besides the notices; else null.</summary>
    public string? OnlyErrorLine =>
        ErrorLines.Where(l => !Notices.Any(n => l.StartsWith(n, StringComparison.Ordinal))).ToList() is [var line] ? line : null;

    /// <summary>What is wrong with this run as a one-line error with <paramref name="exitCode"/>; null when nothing is.</summary>
    public string? Problem(int exitCode, params string[] secrets)
    {
        var everything = Output + Error;
        if (ExitCode != exitCode)
            return $"exit {ExitCode}, expected {exitCode}";
        if (StackFrame().IsMatch(everything))
            return "a stack trace";
        if (secrets.FirstOrDefault(s => everything.Contains(s, StringComparison.Ordinal)) is { } secret)
            return $"the secret {secret} is shown";
        if (OnlyErrorLine is not { } line)
            return $"{ErrorLines.Length} lines on stderr";
        if (!line.StartsWith("dbgate: ", StringComparison.Ordinal))
            return "the line does not start with 'dbgate: '";
        return Output.Length > 0 ? "output on stdout" : null;
    }

    public override string ToString() => $"{Label}: exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";

    /// <summary>A .NET stack frame ("   at Namespace.Type.Method(") anywhere in the output.</summary>
    [GeneratedRegex(@"(?m)^\s+at [\w.<>`]+\(")]
    private static partial Regex StackFrame();
}
