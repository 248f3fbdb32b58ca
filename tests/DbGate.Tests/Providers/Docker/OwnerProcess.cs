using System.Diagnostics;
using System.Globalization;

namespace DbGate.Tests.Providers.Docker;

/// <summary>
/// tests/tools/docker-owner.cs running in a process of its own with a started Docker server, for tests that kill it.
/// </summary>
internal sealed class OwnerProcess : IDisposable
{
    // The first run compiles the tool.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process launcher;

    private OwnerProcess(Process launcher, int pid)
    {
        this.launcher = launcher;
        Pid = pid;
    }

    /// <summary>The process that owns the container; `dotnet run` itself is only its launcher.</summary>
    public int Pid { get; }

    public static async Task<OwnerProcess> StartAsync(string image)
    {
        // Through env, SIGINT at its default even when the test run inherited it ignored (see CliProcess).
        var start = new ProcessStartInfo("env")
        {
            ArgumentList = { "--default-signal=INT", "dotnet", "run", Path.Combine(RepositoryRoot(), "tests", "tools", "docker-owner.cs"), "--", image },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var launcher = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await launcher.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("started ", StringComparison.Ordinal))
            {
                return new OwnerProcess(launcher, int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
            }
        }
        var errors = await launcher.StandardError.ReadToEndAsync(timeout.Token);
        throw new InvalidOperationException($"docker-owner did not start a server: {errors}");
    }

    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, Pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await launcher.WaitForExitAsync(cancel.Token);
    }

    public void Dispose()
    {
        if (!launcher.HasExited)
        {
            launcher.Kill(entireProcessTree: true);
        }
        launcher.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DbGate.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("DbGate.sln not found above " + AppContext.BaseDirectory);
    }
}
