using DbGate.Cli;

return await CommandLine.RunAsync(args);
