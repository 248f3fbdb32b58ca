using System.Diagnostics;

namespace DbGate.Tests.Infrastructure;

/// <summary>The real dotnet-dbgate, run as a separate process, as CI and users run it.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly System.Text.StringBuilder _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (_stderr)
                    _stderr.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>
    /// SIGINT at its default, as a shell at a terminal starts a program. A test run started in the background of a
    /// script inherits an ignored SIGINT, which .NET (rightly, as POSIX asks) keeps ignored: Ctrl-C would then never
    /// reach the CLI. env execs in place, so the process is still the CLI itself.
    /// </summary>
    private static readonly string[] InteractiveSignals = OperatingSystem.IsLinux() ? ["env", "--default-signal=INT"] : [];

    public string StandardError
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <param name="wrapper">A command that runs the CLI inside some environment, such as a private mount namespace.</param>
    public static CliProcess Start(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, IReadOnlyList<string>? wrapper = null)
    {
        string[] command = [.. InteractiveSignals, .. wrapper ?? [], "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "dotnet-dbgate.dll"), .. arguments];
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoPaths.SolutionDirectory,
        };
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return new CliProcess(Process.Start(info)!);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var cli = Start(arguments);
        return await cli.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task<(int ExitCode, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // drains the asynchronous stderr reader
        return (_process.ExitCode, await _stdout, StandardError);
    }

    public async Task WaitForErrorTextAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!StandardError.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || _process.HasExited)
                throw new TimeoutException($"'{text}' never appeared; stderr so far: {StandardError}");
            await Task.Delay(50);
        }
    }

    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
