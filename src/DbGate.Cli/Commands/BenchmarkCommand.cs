using System.CommandLine;
using DbGate.Core.Benchmarks.Baseline;
using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Reports;

namespace DbGate.Cli.Commands;

/// <summary>
/// <c>dbgate benchmark [PATH] [--update-baseline]</c>: runs the gate and shows its benchmarks; with --update-baseline,
/// writes each query's plan shape, cost and buffers, with the dataset contract and schema, to the baseline file.
/// </summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var project = new ProjectOptions();
        var update = new Option<bool>("--update-baseline") { Description = "Write the benchmarks measured now to benchmarks.baseline (default dbgate.benchmarks.json beside dbgate.yml)" };
        var command = new Command("benchmark", "Run the gate and its EXPLAIN benchmarks; with --update-baseline, record them as the baseline check compares with.");
        project.AddTo(command);
        command.Options.Add(update);
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var options = await OptionsResolver.ResolveAsync(project.Read(result), Environment.CurrentDirectory, cancellationToken);
            if (options.Benchmarks.Queries.Count == 0)
                return await CommandErrors.FailAsync("nothing to benchmark: dbgate.yml lists no benchmarks.queries", ExitCodes.Usage);
            var updating = result.GetValue(update);
            var run = updating ? options with { Benchmarks = options.Benchmarks with { CompareWithBaseline = false } } : options;
            var gate = await GateRunner.RunAsync(run, line => Console.Error.WriteLine($"dbgate: {line}"), cancellationToken);
            await new TextReportWriter(new ReportContext { FailOn = options.FailOn }, TextReportOptions.ForConsole() with { ShowSteps = false }).WriteAsync(gate, Console.Out, CancellationToken.None);
            if (!gate.Complete)
                return await CommandErrors.FailAsync($"run incomplete ({gate.Interruption}){(updating ? ": the baseline was not written" : "")}", ExitCodes.Infrastructure);
            if (updating)
            {
                if (gate.Benchmarks.Count == 0)
                {
                    var why = gate.Notices.FirstOrDefault(n => n.StartsWith("benchmarks not run", StringComparison.Ordinal)) ?? "no benchmark ran";
                    return await CommandErrors.FailAsync($"{why}: the baseline was not written", ExitCodes.Usage);
                }
                var baseline = BaselineFile.From(gate);
                await BaselineFile.WriteAsync(options.Benchmarks.BaselinePath!, baseline, cancellationToken);
                Console.WriteLine($"dbgate: wrote {baseline.Runs.Sum(r => r.Queries.Count)} benchmark(s) to {Path.GetRelativePath(Environment.CurrentDirectory, options.Benchmarks.BaselinePath!)}; commit it, and check fails on a plan that gets worse than it by more than {options.Benchmarks.Tolerance * 100:0.#}%");
                return ExitCodes.Passed;
            }
            return gate.FailsAt(options.FailOn) ? ExitCodes.Findings : ExitCodes.Passed;
        }, cancellationToken));
        return command;
    }
}
