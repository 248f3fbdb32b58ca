using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

/// <summary>A scratch project of golang-migrate files (and a dbgate.yml), run through the real gate as users configure it.</summary>
internal sealed class HealthProject : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _migrations;

    public string Path => _folder.Path;

    /// <summary>Adds the next migration; returns its up file's path relative to the project.</summary>
    public string Migration(string up, string? down = null)
    {
        var stem = $"{++_migrations:0000}_step";
        _folder.Write(stem + ".up.sql", up);
        if (down is not null)
            _folder.Write(stem + ".down.sql", down);
        return stem + ".up.sql";
    }

    public void Config(string yaml) => _folder.Write("dbgate.yml", yaml);

    public string Write(string name, string content) => _folder.Write(name, content);

    public Task<GateOptions> OptionsAsync(PostgresFixture server) => GateHarness.ConfiguredOptionsAsync(server.AdminConnectionString, Path);

    /// <summary>Runs the gate without the lint (its own tests cover it), so a test sees the health findings and the round trip's.</summary>
    public Task<GateResult> RunAsync(PostgresFixture server) =>
        GateHarness.RunConfiguredAsync(server.AdminConnectionString, Path, o => o with { Lint = new(false) });

    /// <summary>Runs the gate as users do, with the lint, whose observation places origins at statements.</summary>
    public Task<GateResult> RunObservedAsync(PostgresFixture server) => GateHarness.RunConfiguredAsync(server.AdminConnectionString, Path);

    public void Dispose() => _folder.Dispose();
}

internal static class HealthVerdicts
{
    /// <summary>The schema findings as "rule subject", sorted, for exact comparisons that read well when they fail.</summary>
    public static IReadOnlyList<string> Health(this GateResult result) =>
        [.. result.Findings.Where(f => f.Subject is not null).Select(f => $"{f.RuleId} {f.Subject}").Order(StringComparer.Ordinal)];
}
