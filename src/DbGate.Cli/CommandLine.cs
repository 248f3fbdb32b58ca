using System.CommandLine;
using System.Runtime.InteropServices;
using DbGate.Cli.Commands;
using DbGate.Core.Providers;

namespace DbGate.Cli;

internal static class CommandLine
{
    public static RootCommand Build() =>
        new("DbGate: a CI quality gate for PostgreSQL migrations.") { CheckCommand.Create(), InitCommand.Create(), HookCommand.Create(), StatsCommand.Create(), BaselineCommand.Create(), DocsCommand.Create(), ExplainCommand.Create(), BenchmarkCommand.Create() };

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"dbgate: {parsed.Errors[0].Message} (see dotnet dbgate --help)");
            return ExitCodes.Usage;
        }

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
}
