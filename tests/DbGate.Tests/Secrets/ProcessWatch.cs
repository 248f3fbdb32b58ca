using System.Diagnostics;

namespace DbGate.Tests.Secrets;

/// <summary>
/// Samples, while a run is in progress, what other users of the machine can see: `ps -eo args` for every process,
/// and the environment of every process the CLI started (read from /proc, as that process's OS user could).
/// </summary>
internal sealed class ProcessWatch : IAsyncDisposable
{
    private readonly int _root;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _processList = [];
    private readonly List<(string CommandLine, string Environment)> _descendants = [];
    private readonly Task _sampling;

    public ProcessWatch(int rootPid)
    {
        _root = rootPid;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Every line `ps -eo args` printed in every sample.</summary>
    public IReadOnlyList<string> ProcessList => _processList;

    /// <summary>The command line and environment of each process below the CLI, as often as each was seen.</summary>
    public IReadOnlyList<(string CommandLine, string Environment)> Descendants => _descendants;

    public int Samples { get; private set; }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using (var ps = Process.Start(new ProcessStartInfo("ps", ["-eo", "args"]) { RedirectStandardOutput = true })!)
            {
                var lines = (await ps.StandardOutput.ReadToEndAsync()).Split('\n');
                await ps.WaitForExitAsync();
                _processList.AddRange(lines);
            }
            var own = Read($"/proc/{_root}/cmdline");
            foreach (var pid in DescendantsOf(_root))
            {
                // A child caught between fork and exec is still a copy of the CLI, with the CLI's environment; what it
                // inherits is what it has once it runs its program.
                if (Read($"/proc/{pid}/cmdline") is { } commandLine && commandLine != own && Read($"/proc/{pid}/environ") is { } environment)
                    _descendants.Add((commandLine, environment));
            }
            Samples++;
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static HashSet<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read($"{directory}/stat") is { } stat)
            {
                // pid (comm) state ppid …, where comm may hold spaces and parentheses: parse after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], out var parent))
                    parents[pid] = parent;
            }
        }
        var found = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                grew |= found.Contains(parent) && found.Add(pid);
        }
        while (grew);
        found.Remove(root);
        return found;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended between listing and reading
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
