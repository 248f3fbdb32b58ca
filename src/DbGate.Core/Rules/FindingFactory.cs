using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules;

/// <summary>Builds findings with the rule's default level and the step's identity filled in.</summary>
internal static class FindingFactory
{
    public static Finding Create(string ruleId, StepFacts facts, Phase phase, string message, SourceLocation location, IEnumerable<string>? details = null) =>
        new(ruleId, RuleCatalog.Get(ruleId).DefaultLevel, message, location, facts.Migration.Id, details?.ToList(), phase);

    /// <summary>PostgreSQL's own words, with its detail and hint, as a reviewer wants to read them.</summary>
    public static IEnumerable<string> Explain(ScriptFailure failure)
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
            yield return "hint: the migration tool runs this script in a transaction; run the statement in a migration of its own marked to run outside one (diesel: metadata.toml with run_in_transaction = false)";
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

    public static SourceLocation StartOf(Migrations.MigrationScript script) => new(script.RelativePath);
}
