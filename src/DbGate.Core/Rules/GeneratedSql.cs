using DbGate.Core.Execution;
using DbGate.Core.Results;

namespace DbGate.Core.Rules;

/// <summary>
/// The statement rules place a finding at its statement. In SQL a tool generated (EF Core) that is a line nobody
/// wrote, so the finding moves to the script's source (the migration's Up or Down method), and the statement in the
/// generated SQL, kept as a report artifact, becomes a detail. Findings placed at the source already stay as they are.
/// </summary>
internal static class GeneratedSql
{
    public static Finding AtSource(Finding finding, IReadOnlyDictionary<string, StepFacts> facts)
    {
        if (finding.Location is not { } at || finding.Migration is null || !facts.TryGetValue(finding.Migration, out var step))
            return finding;
        var script = finding.Phase == Phase.Down ? step.Migration.Down : step.Migration.Up;
        if (script?.Origin is not { } source || at.Path != script.RelativePath)
            return finding;
        // A command-mode step stands for its source file as a whole (the tool's code, not SQL DbGate read): no line in it.
        if (source.Path == script.RelativePath)
            return finding with { Location = source };
        return finding with { Location = source, Details = [.. finding.Details, $"in the generated SQL at {at}"] };
    }
}
