using System.CommandLine;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate check [PATH]</c>: the gate itself.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var project = new ProjectOptions();
        var sarif = new Option<string?>("--sarif") { Description = "Write a SARIF 2.1.0 report to this file" };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file" };
        var json = new Option<string?>("--json") { Description = "Write a JSON report to this file" };
        var markdown = new Option<string?>("--markdown") { Description = "Write a Markdown summary to this file" };
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest level that fails the run: error (default), warning, note, none" };
        var data = new Option<bool?>("--data") { Description = "Also check that rows in existing tables survive each step's up and down" };
        var allowExisting = new Option<bool>("--allow-existing-database") { Description = "When the connection may not create databases, apply the ups in its database even if it holds objects (downs, seeds and benchmarks never run there)" };
        var timeout = new Option<string?>("--timeout") { Description = "Limit for the whole run, such as 10min (default 30min; 0 for none); past it the run ends incomplete, exit 3" };
        var versions = new Option<string?>("--versions") { Description = "PostgreSQL major versions to run the whole gate on, such as 15,17 (overrides postgres.versions)" };
        var changed = new Option<bool>("--changed") { Description = "Gate only the migrations new or changed against the base, on a cached database of the unchanged ones" };
        var @base = new Option<string?>("--base") { Description = "The base for --changed (default: the branch's upstream, else the default branch)", HelpName = "REF" };
        var logFormat = new Option<string?>("--log-format") { Description = "text (default) or msbuild: path(line,col): error DBG002: message" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the findings" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the step table and diagnostics on stderr" };

        var command = new Command("check", "Apply every migration forward, back and forward again on an ephemeral PostgreSQL, and report what breaks.");
        project.AddTo(command);
        foreach (var option in new Option[] { sarif, junit, json, markdown, failOn, data, allowExisting, timeout, versions, changed, @base, logFormat, quiet, verbose })
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => CheckRunner.RunAsync(
            project.Read(result) with
            {
                Sarif = result.GetValue(sarif),
                JUnit = result.GetValue(junit),
                Json = result.GetValue(json),
                Markdown = result.GetValue(markdown),
                FailOn = result.GetValue(failOn),
                Data = result.GetValue(data),
                AllowExistingDatabase = result.GetValue(allowExisting),
                Timeout = result.GetValue(timeout),
                Versions = result.GetValue(versions),
            },
            new CheckSettings(result.GetValue(logFormat), result.GetValue(quiet), result.GetValue(verbose), result.GetValue(changed), result.GetValue(@base)),
            cancellationToken));
        return command;
    }
}
