using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>
/// Runs a composite action's <c>run:</c> steps for real, as the GitHub runner does: <c>bash --noprofile --norc -eo
/// pipefail</c> on a script file, a fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY per step, GITHUB_PATH and GITHUB_ENV
/// carried to later steps, in a workspace with its own HOME and RUNNER_TEMP. <c>uses:</c> steps cannot run offline:
/// they are recorded with their evaluated inputs when their condition holds.
/// </summary>
public sealed class SimulatedRunner(string workspace, string home, string runnerTemp)
{
    public sealed record StepRun(ActionStep Step, bool Ran, int ExitCode, string Output, string Error, IReadOnlyDictionary<string, string> Outputs, string Summary)
    {
        public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();
    }

    public sealed record Run(IReadOnlyList<StepRun> Steps, IReadOnlyDictionary<string, string> Outputs)
    {
        public bool Failed => Steps.Any(s => s.Ran && s.ExitCode != 0);

        public StepRun Step(string name) => Steps.Single(s => s.Step.Name == name);

        /// <summary>The job summary: every step's GITHUB_STEP_SUMMARY, in order.</summary>
        public string Summary => string.Concat(Steps.Select(s => s.Summary));
    }

    public async Task<Run> RunAsync(ActionFile action, IReadOnlyDictionary<string, string> given)
    {
        var inputs = new Dictionary<string, string>(action.InputDefaults, StringComparer.Ordinal);
        foreach (var (key, value) in given)
            inputs[key] = value;
        var stepOutputs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var path = new List<string>();
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        var runs = new List<StepRun>();
        for (var i = 0; i < action.Steps.Count; i++)
        {
            var step = action.Steps[i];
            var expressions = new ActionExpressions(inputs, stepOutputs, runs.Any(r => r.Ran && r.ExitCode != 0));
            if (!expressions.Condition(step.If))
            {
                runs.Add(new StepRun(step, false, 0, "", "", new Dictionary<string, string>(), ""));
                continue;
            }
            if (step.Uses is not null)
            {
                runs.Add(new StepRun(step, true, 0, "", "", new Dictionary<string, string>(), "")
                {
                    With = step.With.ToDictionary(w => w.Key, w => expressions.Interpolate(w.Value)),
                });
                continue;
            }
            var run = await RunStepAsync(step, i, expressions, env, path);
            runs.Add(run);
            if (step.Id is not null)
                stepOutputs[step.Id] = run.Outputs;
        }
        var final = new ActionExpressions(inputs, stepOutputs, failedSoFar: false);
        return new Run(runs, action.OutputValues.ToDictionary(o => o.Key, o => final.Interpolate(o.Value)));
    }

    private async Task<StepRun> RunStepAsync(ActionStep step, int index, ActionExpressions expressions, Dictionary<string, string?> env, List<string> path)
    {
        if (step.Shell != "bash")
            throw new InvalidOperationException($"step '{step.Name}' must say shell: bash (composite run steps need a shell)");
        var files = Path.Combine(runnerTemp, "_runner_file_commands");
        Directory.CreateDirectory(files);
        var output = Path.Combine(files, $"output_{index}");
        var summary = Path.Combine(files, $"step_summary_{index}");
        var pathFile = Path.Combine(files, $"add_path_{index}");
        var envFile = Path.Combine(files, $"set_env_{index}");
        foreach (var file in new[] { output, summary, pathFile, envFile })
            File.WriteAllText(file, "");
        var script = Path.Combine(runnerTemp, $"step_{index}.sh");
        File.WriteAllText(script, step.Run);

        var environment = new Dictionary<string, string?>(env)
        {
            ["HOME"] = home,
            ["RUNNER_TEMP"] = runnerTemp,
            ["RUNNER_OS"] = "Linux",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_PATH"] = pathFile,
            ["GITHUB_ENV"] = envFile,
            ["PATH"] = string.Join(':', path.AsEnumerable().Reverse().Append(Environment.GetEnvironmentVariable("PATH"))),
            // The runner's own NuGet and dotnet state live in the fresh HOME.
            ["NUGET_PACKAGES"] = null,
            ["XDG_CACHE_HOME"] = null,
        };
        foreach (var (key, value) in step.Env)
            environment[key] = expressions.Interpolate(value);
        var directory = step.WorkingDirectory is null ? workspace : Path.GetFullPath(expressions.Interpolate(step.WorkingDirectory), workspace);

        var result = await Processes.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], directory, environment, TimeSpan.FromMinutes(5));
        path.AddRange(File.ReadAllLines(pathFile).Where(l => l.Length > 0));
        foreach (var (key, value) in ReadCommandFile(envFile))
            env[key] = value;
        return new StepRun(step, true, result.ExitCode, result.Output, result.Error, ReadCommandFile(output), File.ReadAllText(summary));
    }

    /// <summary>GITHUB_OUTPUT and GITHUB_ENV: <c>name=value</c> lines, or <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c>.</summary>
    internal static Dictionary<string, string> ReadCommandFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var body = new List<string>();
                while (++i < lines.Length && lines[i] != delimiter)
                    body.Add(lines[i]);
                values[line[..heredoc]] = string.Join('\n', body);
            }
            else if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }
        return values;
    }
}
