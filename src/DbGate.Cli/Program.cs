using System.Reflection;
using DbGate.Cli;

// --version and the top-level --help answer before any command is built: hooks and scripts ask them, and they
// should cost no more than starting the runtime (the same text System.CommandLine would print). Nothing here may
// touch System.CommandLine, Spectre.Console or DbGate.Core, or the runtime loads them (bench/startup.sh).
if (args is ["--version"])
{
    Console.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return ExitCodes.Passed;
}

if (RootHelp.Asks(args))
{
    Console.WriteLine(RootHelp.Text);
    return ExitCodes.Passed;
}

return await CommandLine.RunAsync(args);
