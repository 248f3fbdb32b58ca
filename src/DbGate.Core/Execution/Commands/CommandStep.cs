using DbGate.Core.Migrations;
using DbGate.Core.Results;

namespace DbGate.Core.Execution.Commands;

/// <summary>Runs one of the tool's commands against a database and reads its outcome as a script run.</summary>
internal sealed class CommandStep(CommandSteps commands, TimeSpan statementTimeout)
{
    public async Task<ScriptRun> RunAsync(string command, string what, WorkDatabase database, SourceLocation location, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var environment = CommandEnvironment.For(database.ConnectionString, statementTimeout);
        var run = await ToolProcess.RunShellAsync(command, commands.WorkingDirectory, environment, cancellationToken);
        return run.Failed
            ? new ScriptRun(Outcome.Failed, clock.Elapsed, new ScriptFailure($"{what} command exited with code {run.ExitCode}: {run.LastLine}", null, location))
            : new ScriptRun(Outcome.Passed, clock.Elapsed);
    }

    /// <summary>The list command's lines: a step id, optionally a tab and the file that defines it.</summary>
    public async Task<IReadOnlyList<(string Id, string? Source)>> ListAsync(WorkDatabase database, CancellationToken cancellationToken)
    {
        var run = await ToolProcess.RunShellAsync(commands.List, commands.WorkingDirectory, CommandEnvironment.For(database.ConnectionString, statementTimeout), cancellationToken);
        if (run.Failed)
            throw new Configuration.ConfigurationException($"command.list ({commands.List}) exited with code {run.ExitCode}: {run.LastLine}");
        var steps = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t', 2) is var parts && parts.Length == 2 ? (parts[0].Trim(), (string?)parts[1].Trim()) : (l.Trim(), null))
            .ToList();
        if (steps.Count == 0)
            throw new Configuration.ConfigurationException($"command.list ({commands.List}) printed no steps");
        var duplicate = steps.GroupBy(s => s.Item1, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new Configuration.ConfigurationException($"command.list printed step {duplicate.Key} more than once");
        return steps;
    }
}
