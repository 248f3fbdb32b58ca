using DbGate.Core.Gate;
using DbGate.Core.Results;
using Spectre.Console;

namespace DbGate.Cli.Output;

/// <summary>One live line on stderr while the gate runs: what it is doing, step i of n and the migration, a bar.</summary>
internal static class LiveProgress
{
    private const int MaxDescription = 70;

    public static async Task<GateResult> RunAsync(GateProgress progress, Func<GateProgress, Task<GateResult>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        GateResult? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe("finding migrations"), maxValue: 1);
                result = await run(progress with
                {
                    Stage = stage => task.Description = Describe(stage),
                    Step = (index, count, migration) =>
                    {
                        task.MaxValue = count;
                        task.Value = index - 1;
                        task.Description = Describe($"step {index} of {count}: {migration}");
                    },
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static string Describe(string text) =>
        Markup.Escape(text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…");
}
