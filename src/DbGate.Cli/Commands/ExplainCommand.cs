using System.CommandLine;
using System.Globalization;
using DbGate.Cli.Output;
using DbGate.Core.Benchmarks;
using DbGate.Core.Configuration;
using DbGate.Core.Reports;
using Spectre.Console;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate explain "SELECT …" [PATH]</c>: migrates, seeds, and shows the statement's plan as a tree with the offending nodes marked.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "One statement; $1, $2… take the --param values" };
        var project = new ProjectOptions();
        var parameters = new Option<string[]>("--param") { Description = "A value for $1, then $2…; repeat it per parameter", AllowMultipleArgumentsPerToken = false };
        var command = new Command("explain", "Apply every up, seed as dbgate.yml says, and show the statement's EXPLAIN ANALYZE plan as a tree, offending nodes marked.") { sql };
        project.AddTo(command);
        command.Options.Add(parameters);
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var options = await OptionsResolver.ResolveAsync(project.Read(result), Environment.CurrentDirectory, cancellationToken);
            var outcome = await ExplainRunner.RunAsync(options, result.GetValue(sql)!, result.GetValue(parameters) ?? [], null, cancellationToken);
            // The findings as a result of their own, which check's writer prints and judges as it judges a run.
            var findings = new Core.Results.GateResult(options.ProjectRoot, outcome.Server, [], outcome.Findings, TimeSpan.Zero);
            await ShowAsync(outcome, findings);
            return findings.FailsAt(options.FailOn) ? ExitCodes.Findings : ExitCodes.Passed;
        }, cancellationToken));
        return command;
    }

    private static async Task ShowAsync(ExplainOutcome outcome, Core.Results.GateResult findings)
    {
        var text = TextReportOptions.ForConsole();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = AnsiSupport.Detect,
            ColorSystem = text.Colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // A plan line is long; in a log, wrapping it would only break it.
        if (Console.IsOutputRedirected)
            console.Profile.Width = 400;
        if (outcome.Plan is { } plan)
        {
            var runs = outcome.Run.Queries[0].Runs;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Server}, {outcome.Run.Dataset.Rows} seeded rows (dataset {outcome.Run.Dataset.Fingerprint}); median of {runs} {(runs == 1 ? "run" : "runs")}: {plan.TimeMs:0.###} ms (planning {plan.PlanningMs:0.###}), cost {plan.Root.TotalCost:0.##}, {plan.Root.Buffers} buffers"));
            PlanTreeView.Write(console, plan, PlanMarks.Of(plan, outcome.Limits));
        }
        // The findings as check prints them, advice included.
        await new TextReportWriter(options: text with { ShowSteps = false, ShowSummary = false }).WriteAsync(findings, Console.Out, CancellationToken.None);
    }
}
