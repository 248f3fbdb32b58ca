using System.Diagnostics;
using System.Text;

namespace DbGate.Core.Execution;

/// <summary>What a program DbGate ran printed and how it ended.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public bool Failed => ExitCode != 0;

    /// <summary>The last non-empty line of stderr, else of stdout: usually the tool's own summary of what went wrong.</summary>
    public string LastLine =>
        (Error.Trim().Length > 0 ? Error : Output).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs the programs of the migration tools (dotnet ef, the commands of command mode) to the end, with their output
/// captured; cancelling kills the whole process tree, so no tool outlives the run.
/// </summary>
internal static class ToolProcess
{
    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static async Task<ToolResult> RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ToolResult(127, "", $"{program}: {e.Message}");
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended by itself meanwhile.
            }
            throw;
        }
        return new ToolResult(process.ExitCode, await output, await error);
    }

    /// <summary>A command line as the user wrote it in dbgate.yml, run by the shell (sh -c; cmd /c on Windows).</summary>
    public static Task<ToolResult> RunShellAsync(string command, string workingDirectory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        OperatingSystem.IsWindows()
            ? RunAsync("cmd", ["/c", command], workingDirectory, environment, cancellationToken)
            : RunAsync("/bin/sh", ["-c", command], workingDirectory, environment, cancellationToken);
}
