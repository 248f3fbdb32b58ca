using System.CommandLine;
using DbGate.Core.Docs;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate docs [PATH] [--out DIR] [--check]</c>: the data dictionary with ER diagrams of the migrated schema.</summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var project = new ProjectOptions();
        var output = new Option<string?>("--out") { Description = "Folder for the pages (default: docs/schema under the project root)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the committed pages differ from the migrated schema" };
        var command = new Command("docs", "Apply every up and write a Markdown data dictionary per schema with a Mermaid ER diagram.");
        project.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(check);
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(project.Connection(result), async run =>
        {
            var options = await run.ResolveAsync(project.Read(result), cancellationToken);
            var directory = result.GetValue(output) is { } given ? Path.GetFullPath(given) : Path.Combine(options.ProjectRoot, "docs", "schema");
            var shown = Path.GetRelativePath(Environment.CurrentDirectory, directory);
            var snapshot = await DocsRunner.MigrateAsync(options, run.Notice, cancellationToken);
            if (!result.GetValue(check))
            {
                var written = await DocsRunner.WriteAsync(snapshot, directory, cancellationToken);
                Console.WriteLine($"dbgate: wrote {written.Count} page(s) to {shown}");
                return ExitCodes.Passed;
            }
            var differences = await DocsRunner.CheckAsync(snapshot, directory, cancellationToken);
            foreach (var difference in differences)
                Console.WriteLine($"{shown}/{difference}");
            if (differences.Count == 0)
                return ExitCodes.Passed;
            return await run.FailAsync($"the docs in {shown} do not match the migrated schema: run dotnet dbgate docs{(result.GetValue(output) is { } o ? $" --out {o}" : "")} and commit them", ExitCodes.Findings);
        }, cancellationToken));
        return command;
    }
}
