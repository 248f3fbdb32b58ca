using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules;

/// <summary>Builds findings with the rule's default level and the step's identity filled in.</summary>
internal static class FindingFactory
{
    public static Finding Create(string ruleId, StepFacts facts, Phase phase, string message, SourceLocation location, IEnumerable<string>? details = null)
    {
        var lines = details?.ToList() ?? [];
        // SQL a tool generated (EF Core) is a report artifact: say where it is, as the location names its source.
        var script = phase == Phase.Down ? facts.Migration.Down : facts.Migration.Up;
        // A command-mode step's script is its source file itself: no SQL was generated.
        if (script?.Origin is { } origin && origin.Path != script.RelativePath && !lines.Any(l => l.StartsWith("in the generated SQL", StringComparison.Ordinal)))
            lines.Add($"generated SQL: {script.RelativePath}");
        return new(ruleId, RuleCatalog.Get(ruleId).DefaultLevel, message, location, facts.Migration.Id, lines, phase);
    }

    /// <summary>PostgreSQL's own words, with its detail and hint, as a reviewer wants to read them.</summary>
    /// <param name="outsideTransactionHint">How the migration's tool runs a statement outside a transaction.</param>
    public static IEnumerable<string> Explain(ScriptFailure failure, string? outsideTransactionHint = null)
    {
        if (failure.SqlState is not null)
            yield return $"SQLSTATE {failure.SqlState}";
        if (failure.Detail is { Length: > 0 } detail)
            yield return $"detail: {detail}";
        if (failure.Hint is { Length: > 0 } hint)
            yield return $"hint: {hint}";
        if (failure.PermissionDenied)
            yield return PrivilegeHint(failure);
        if (failure.RefusesTransaction)
            yield return $"hint: the migration tool runs this script in a transaction; {outsideTransactionHint ?? "run the statement in a migration of its own marked to run outside one"}";
        if (failure.GeneratedAt is { } generated)
            yield return $"in the generated SQL at {generated}";
    }

    private static string PrivilegeHint(ScriptFailure failure) =>
        failure.Message.Contains("extension", StringComparison.Ordinal)
            ? "hint: DbGate runs migrations as an unprivileged role that owns the work database; PostgreSQL lets it create only trusted extensions. List this one in dbgate.yml under postgres.extensions, and DbGate creates it for the role"
            : "hint: DbGate runs migrations as an unprivileged role that owns the work database and nothing else, so roles, ALTER SYSTEM, server files and programs are out of its reach. If production runs this migration as a superuser, opt in with postgres.superuser: true in dbgate.yml (every report then says so)";

    /// <summary>"what: the difference" for one difference; "what (N differences)" with each as a detail line for more.</summary>
    public static (string Message, IEnumerable<string> Details) Summarise(string what, IReadOnlyList<Snapshots.SchemaDifference> differences) =>
        differences.Count == 1
            ? ($"{what}: {differences[0].Description}", [])
            : ($"{what} ({differences.Count} differences)", differences.Select(d => d.Description));

    /// <summary>Where a script begins: its source for generated SQL, its first character for a part of a file, else the file.</summary>
    public static SourceLocation StartOf(Migrations.MigrationScript script)
    {
        if (script.Origin is { } origin)
            return origin;
        var text = script.Text;
        var start = text?.AsSpan().IndexOfAnyExcept(" \t\r\n") ?? -1;
        if (text is null || start < 0)
            return new(script.RelativePath);
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        return new(script.RelativePath, text.AsSpan(0, start).Count('\n') + 1, start - lineStart + 1);
    }
}
