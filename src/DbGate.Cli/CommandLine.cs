using System.CommandLine;
using System.Runtime.InteropServices;
using DbGate.Cli.Commands;
using DbGate.Core.Providers;

namespace DbGate.Cli;

internal static class CommandLine
{
    public static RootCommand Build() =>
        OptionLikeArguments.Refuse(new("DbGate: a CI quality gate for PostgreSQL migrations.") { CheckCommand.Create(), InitCommand.Create(), HookCommand.Create(), StatsCommand.Create(), BaselineCommand.Create(), DocsCommand.Create(), ExplainCommand.Create(), BenchmarkCommand.Create() });

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
            return await CommandErrors.UsageAsync($"{OptionLikeArguments.ErrorOf(parsed)} (see dotnet dbgate{CommandPath(parsed.CommandResult)} --help)");

        // Own Ctrl-C and SIGTERM: the run must stop its server and delete its files before the process ends,
        // which a forced exit after a timeout would not allow.
        HostSignals.CancelGracefully = true;
        using var cancellation = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellation.Token);

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }
    }

    /// <summary>" hook install" for the command the error is about, so its own --help is named.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "";
}
