using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// The EF Core fixture copied out of the repository (so it builds as a user's project would, away from DbGate's own
/// build settings) and gated once per test run: building it and asking dotnet ef for its SQL is the slow part. The
/// shared run's copy has no tool manifest, so dotnet-ef comes through the manifest DbGate writes in its cache (the
/// fallback users without one get); ToolEnvironmentTests runs the fixture with its own manifest.
/// </summary>
internal static class EfCoreRun
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Project, GateResult Result)? _run;

    /// <summary>When the shared run started: what it wrote is newer.</summary>
    public static DateTime Started { get; private set; }

    public static async Task<(string Project, GateResult Result)> GetAsync(PostgresFixture server)
    {
        await Gate.WaitAsync();
        try
        {
            if (_run is null)
            {
                var copy = Copy();
                var project = Path.Combine(copy, "Shop");
                Directory.Delete(Path.Combine(project, ".config"), recursive: true);
                Started = DateTime.UtcNow;
                // The lint and the health checks on, as users run it: their findings must point at the C# too.
                _run = (project, await GateHarness.RunAsync(server, project, o => o with { ProjectRoot = project, Lint = new(), Health = Core.Rules.Schema.HealthSettings.Default }));
            }
            return _run.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A copy in a folder left for the machine's temp cleanup: the run's artifacts are what the tests read.</summary>
    public static string Copy()
    {
        var target = Directory.CreateTempSubdirectory("dbgate-efcore-").FullName;
        Fixtures.Copy("efcore", target);
        return target;
    }
}
