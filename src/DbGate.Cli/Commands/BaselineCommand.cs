using System.CommandLine;
using DbGate.Core.Baselines;
using DbGate.Core.Gate;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate baseline [PATH]</c>: runs the gate and accepts every finding it reports today, in a file to commit.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var project = new ProjectOptions();
        var output = new Option<string?>("--out") { Description = "Baseline file to write (default: dbgate.yml's baseline, else dbgate.baseline.json beside it)" };
        var command = new Command("baseline", "Run the gate and write the findings it reports to a baseline file: check then fails only on new ones.");
        project.AddTo(command);
        command.Options.Add(output);
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(project.Connection(result), async run =>
        {
            var arguments = project.Read(result) with { Baseline = result.GetValue(output) };
            var options = await run.ResolveAsync(arguments, cancellationToken);
            var path = options.Baseline!;
            // The run itself must not be filtered by the baseline it is about to replace.
            var gate = await GateRunner.RunAsync(options with { Baseline = null }, run.Notice, cancellationToken);
            if (!gate.Complete)
                return await run.FailAsync($"run incomplete ({gate.Interruption}): the baseline was not written", ExitCodes.Infrastructure);
            await BaselineFile.WriteAsync(path, gate.Findings, cancellationToken);
            Console.WriteLine($"dbgate: wrote {gate.Findings.Count} accepted finding(s) to {Path.GetRelativePath(Environment.CurrentDirectory, path)}; commit it, and check fails only on findings it does not list");
            return ExitCodes.Passed;
        }, cancellationToken));
        return command;
    }
}
