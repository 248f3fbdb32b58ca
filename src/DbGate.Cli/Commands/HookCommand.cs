using System.CommandLine;
using DbGate.Core.Hooks;

namespace DbGate.Cli.Commands;

/// <summary><c>dbgate hook install|uninstall</c>: the git pre-push hook that runs <c>check --changed</c>.</summary>
internal static class HookCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "What the hook checks: the migrations folder or the folder holding dbgate.yml (default: the repository root)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Replace a pre-push hook DbGate did not write (it is kept, and restored by uninstall)" };
        var install = new Command("install", "Write a git pre-push hook that runs dotnet dbgate check --changed (honours core.hooksPath)") { path, force };
        install.SetAction((result, cancellationToken) => CommandErrors.RunAsync(null, async _ =>
        {
            var hook = await PrePushHook.InstallAsync(Environment.CurrentDirectory, result.GetValue(path), result.GetValue(force), cancellationToken);
            Console.WriteLine($"dbgate: installed {hook}: every git push now runs dotnet dbgate check --changed");
            return ExitCodes.Passed;
        }, cancellationToken));
        var uninstall = new Command("uninstall", "Remove DbGate's pre-push hook");
        uninstall.SetAction((parsed, cancellationToken) => CommandErrors.RunAsync(null, async _ =>
        {
            Console.WriteLine($"dbgate: {await PrePushHook.UninstallAsync(Environment.CurrentDirectory, cancellationToken)}");
            return ExitCodes.Passed;
        }, cancellationToken));
        return new Command("hook", "Manage the git pre-push hook") { install, uninstall };
    }
}
