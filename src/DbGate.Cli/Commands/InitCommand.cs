using System.CommandLine;
using DbGate.Core.Configuration;
using DbGate.Core.Setup;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate init [PATH]</c>: finds the migrations and writes a commented dbgate.yml beside them.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "The repository (or folder) to inspect; dbgate.yml is written here (default: current folder)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Replace an existing dbgate.yml" };
        var command = new Command("init", "Find the migrations folder and format, and write a commented dbgate.yml") { path, force };
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(null, async run =>
        {
            var root = Path.GetFullPath(result.GetValue(path) ?? ".");
            if (!Directory.Exists(root))
                throw new ConfigurationException($"folder not found: {result.GetValue(path)}");
            var target = Path.Combine(root, OptionsResolver.ConfigFileNames[0]);
            if (File.Exists(target) && !result.GetValue(force))
                throw new ConfigurationException($"{target} already exists: pass --force to replace it");
            var found = ProjectInspector.Find(root);
            await File.WriteAllTextAsync(target, ConfigTemplate.Render(root, found), cancellationToken);
            Console.WriteLine($"dbgate: wrote {target}: {found.Summary} in {Path.GetRelativePath(root, found.Folder)}");
            if (found.Tool?.Note is { } note)
                Console.WriteLine($"dbgate: check that {note}");
            Console.WriteLine("dbgate: next, dotnet dbgate check; and dotnet dbgate hook install to gate every git push");
            return ExitCodes.Passed;
        }, cancellationToken));
        return command;
    }
}
