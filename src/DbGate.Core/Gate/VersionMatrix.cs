using System.Diagnostics;
using DbGate.Core.Configuration;
using DbGate.Core.Providers.Local;
using DbGate.Core.Results;

namespace DbGate.Core.Gate;

/// <summary>
/// The whole gate once per PostgreSQL version, concurrently as far as cores allow, merged into one result in
/// which every finding says on which versions it holds: "valid only on 16 and later" shows up as such.
/// </summary>
internal static class VersionMatrix
{
    public const string VersionPlaceholder = "{version}";

    public static async Task<GateResult> RunAsync(GateOptions options, Func<GateOptions, Task<GateResult>> runOnce, CancellationToken cancellationToken)
    {
        if (options.Provider == "external" || (options.Provider == "auto" && options.Connection is not null))
            throw new ConfigurationException("postgres.versions needs servers DbGate starts itself (local or docker), not an existing server");
        var clock = Stopwatch.StartNew();
        var localMajor = options.Provider is "auto" or "local" ? await LocalPostgresProvider.MajorVersionAsync(cancellationToken) : null;
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount / 2));
        var runs = options.Versions.Select(async version =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return (Version: version, Result: await runOnce(ForVersion(options, version, localMajor)));
            }
            finally
            {
                slots.Release();
            }
        });
        return Merge(options, await Task.WhenAll(runs), clock.Elapsed);
    }

    private static GateOptions ForVersion(GateOptions options, string version, string? localMajor)
    {
        if (version == localMajor)
            return options with { Provider = "local", Versions = [] };
        var template = options.Image ?? "postgres:" + VersionPlaceholder;
        if (!template.Contains(VersionPlaceholder, StringComparison.Ordinal))
            throw new ConfigurationException($"postgres.image must contain {VersionPlaceholder} when postgres.versions is set (got '{template}')");
        return options with { Provider = "docker", Image = template.Replace(VersionPlaceholder, version, StringComparison.Ordinal), Versions = [] };
    }

    internal static GateResult Merge(GateOptions options, IReadOnlyList<(string Version, GateResult Result)> runs, TimeSpan duration)
    {
        var all = runs.Select(r => r.Version).ToList();
        var findings = runs
            .SelectMany(run => run.Result.Findings.Select(finding => (run.Version, Finding: finding)))
            .GroupBy(x => (x.Finding.RuleId, x.Finding.Migration, x.Finding.Location, x.Finding.Phase, x.Finding.Subject))
            .Select(group =>
            {
                var versions = group.Select(x => x.Version).Distinct(StringComparer.Ordinal).ToList();
                var first = group.First().Finding;
                var message = versions.Count == all.Count ? first.Message : $"{first.Message} (on PostgreSQL {string.Join(", ", versions)} only)";
                return first with { Message = message, Versions = versions };
            })
            .ToList();
        var steps = runs.SelectMany(run => run.Result.Steps.Select(step => step with { Migration = $"{step.Migration} [PostgreSQL {run.Version}]" })).ToList();
        var interrupted = runs.FirstOrDefault(r => !r.Result.Complete).Result;
        return new GateResult(
            options.ProjectRoot,
            string.Join("; ", runs.Select(r => r.Result.Server)),
            steps,
            findings,
            duration,
            interrupted is null,
            interrupted?.Interruption)
        {
            Notices = [.. runs.SelectMany(r => r.Result.Notices).Distinct(StringComparer.Ordinal)],
            Privileged = runs.Any(r => r.Result.Privileged),
            ChangeDiagram = runs.Select(r => r.Result.ChangeDiagram).FirstOrDefault(d => d is not null),
            RunAs = string.Join("; ", runs.Select(r => r.Result.RunAs).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } runAs ? runAs : null,
        };
    }
}
