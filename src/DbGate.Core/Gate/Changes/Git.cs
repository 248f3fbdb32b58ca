using System.Diagnostics;
using DbGate.Core.Configuration;

namespace DbGate.Core.Gate.Changes;

/// <summary>The real git, run as a process in one repository: what changed is git's to say, not ours to guess.</summary>
internal sealed class Git(string repositoryRoot)
{
    public string Root { get; } = repositoryRoot;

    /// <summary>The repository holding <paramref name="directory"/>; a one-line configuration error when there is none.</summary>
    public static async Task<Git> OpenAsync(string directory, CancellationToken cancellationToken, string purpose = "--changed") =>
        await TryOpenAsync(directory, cancellationToken) ?? throw new ConfigurationException($"{purpose} needs a git repository, and {directory} is not in one");

    /// <summary>The repository holding the existing folder <paramref name="directory"/>, or null when it is in none.</summary>
    public static async Task<Git?> TryOpenAsync(string directory, CancellationToken cancellationToken)
    {
        var (exit, output, _) = await RunAsync(directory, ["rev-parse", "--show-toplevel"], cancellationToken);
        return exit == 0 ? new Git(output.Trim()) : null;
    }

    /// <summary>Output of a command that must succeed; its first error line otherwise.</summary>
    public async Task<string> ReadAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync(Root, arguments, cancellationToken);
        return exit == 0 ? output : throw new ConfigurationException($"git {arguments[0]} failed: {FirstLine(error)}");
    }

    /// <summary>Output of a command that may fail (a ref that may not exist); null when it does.</summary>
    public async Task<string?> TryReadAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exit, output, _) = await RunAsync(Root, arguments, cancellationToken);
        return exit == 0 ? output : null;
    }

    /// <summary>Streams a command's standard output to <paramref name="consume"/>, such as a tar archive.</summary>
    public async Task StreamAsync(IReadOnlyList<string> arguments, Func<Stream, Task> consume, CancellationToken cancellationToken)
    {
        using var process = Start(Root, arguments);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await consume(process.StandardOutput.BaseStream);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new ConfigurationException($"git {arguments[0]} failed: {FirstLine(await error)}");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(directory, arguments);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static Process Start(string directory, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Plain, stable output whatever the user's configuration says.
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        // Inside a hook git may export these relative to its own working folder; let git find the repository itself.
        foreach (var inherited in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX" })
            info.Environment.Remove(inherited);
        try
        {
            var process = Process.Start(info) ?? throw new ConfigurationException("could not start git");
            process.StandardInput.Close();
            return process;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ConfigurationException("git is not on PATH");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
