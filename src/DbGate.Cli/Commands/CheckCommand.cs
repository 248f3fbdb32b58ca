using System.CommandLine;
using DbGate.Core.Configuration;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate check [PATH]</c>: the gate itself.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "Migrations folder, or the folder holding dbgate.yml (default: current folder)", Arity = ArgumentArity.ZeroOrOne };
        var config = new Option<string?>("--config") { Description = "dbgate.yml to use (default: PATH/dbgate.yml)" };
        var provider = new Option<string?>("--provider") { Description = "Where PostgreSQL comes from: auto, local, docker, external" };
        var connection = new Option<string?>("--connection") { Description = "Connection string of an existing server (DbGate creates and drops its own database there)" };
        var image = new Option<string?>("--image") { Description = "Docker image for --provider docker, such as postgres:17" };
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

        var command = new Command("check", "Apply every migration forward, back and forward again on an ephemeral PostgreSQL, and report what breaks.")
        {
            path, config, provider, connection, image, sarif, junit, json, markdown, failOn, data, allowExisting, timeout, versions, changed, @base, logFormat, quiet, verbose,
        };
        command.SetAction((result, cancellationToken) => CheckRunner.RunAsync(
            new CheckArguments(
                result.GetValue(path),
                result.GetValue(config),
                result.GetValue(provider),
                result.GetValue(connection),
                result.GetValue(image),
                result.GetValue(sarif),
                result.GetValue(junit),
                result.GetValue(json),
                result.GetValue(markdown),
                result.GetValue(failOn),
                result.GetValue(data),
                result.GetValue(allowExisting),
                Timeout: result.GetValue(timeout),
                Versions: result.GetValue(versions)),
            new CheckSettings(result.GetValue(logFormat), result.GetValue(quiet), result.GetValue(verbose), result.GetValue(changed), result.GetValue(@base)),
            cancellationToken));
        return command;
    }
}
