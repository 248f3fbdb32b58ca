using DbGate.Core.Configuration;
using DbGate.Core.Providers;

namespace DbGate.Cli.Commands;

/// <summary>Maps what a command throws to one line on stderr and the documented exit code, as check does.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (ConfigurationException e)
        {
            return await FailAsync(e.Message, ExitCodes.Usage);
        }
        catch (Core.Docs.MigrationFailedException e)
        {
            return await FailAsync(e.Message, ExitCodes.Findings);
        }
        catch (InfrastructureException e)
        {
            return await FailAsync(e.Message, ExitCodes.Infrastructure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync("cancelled", ExitCodes.Infrastructure);
        }
        catch (IOException e)
        {
            return await FailAsync(e.Message, ExitCodes.Infrastructure);
        }
        catch (UnauthorizedAccessException e)
        {
            return await FailAsync(e.Message, ExitCodes.Infrastructure);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return await FailAsync($"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.Internal);
        }
    }

    public static async Task<int> FailAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"dbgate: {message}");
        return exitCode;
    }
}
