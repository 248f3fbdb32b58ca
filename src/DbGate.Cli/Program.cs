using System.Reflection;
using DbGate.Cli;

// --version answers before any command is built: hooks and scripts ask it, and it should cost no more than
// starting the runtime (the same text System.CommandLine would print).
if (args is ["--version"])
{
    Console.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return ExitCodes.Passed;
}

return await CommandLine.RunAsync(args);
