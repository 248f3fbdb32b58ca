using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Lint;

/// <summary>
/// A golang-migrate project whose first migration creates the tables every later one finds already there (as
/// production has them), run through dbgate.yml as users write it, with the lint on.
/// </summary>
internal sealed class LintProject : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _next = 1;

    public LintProject(string tables)
    {
        Add("tables", tables, "SELECT 1;");
    }

    public string Path => _folder.Path;

    /// <summary>Adds migration N_name; returns its up's path relative to the project root.</summary>
    public string Add(string name, string up, string? down = null)
    {
        var stem = $"migrations/{_next++:0000}_{name}";
        _folder.Write(stem + ".up.sql", up);
        if (down is not null)
            _folder.Write(stem + ".down.sql", down);
        return stem + ".up.sql";
    }

    public LintProject Config(string yaml)
    {
        _folder.Write("dbgate.yml", "migrations: migrations\n" + yaml);
        return this;
    }

    public async Task<GateResult> RunAsync(string connection)
    {
        if (!File.Exists(System.IO.Path.Combine(Path, "dbgate.yml")))
            Config("");
        return await GateHarness.RunConfiguredAsync(connection, Path);
    }

    public void Dispose() => _folder.Dispose();
}

internal static class LintFindings
{
    /// <summary>"DBG101 warning migrations/0002_x.up.sql:1:1" for each finding of the given rules, sorted.</summary>
    public static string[] Of(this GateResult result, params string[] rules) =>
        [.. result.Findings.Where(f => rules.Contains(f.RuleId))
            .Select(f => $"{f.RuleId} {f.Level.ToString().ToLowerInvariant()} {f.Location?.Path}:{f.Location?.Line}:{f.Location?.Column}")
            .Order(StringComparer.Ordinal)];
}
