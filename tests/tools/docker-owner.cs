#:project ../../src/DbGate.Core/DbGate.Core.csproj

// Owns a DbGate container from a process of its own, so tests can kill that process (SIGKILL, SIGTERM) and
// check what the next run cleans up. Prints "started <pid> <milliseconds to start>", then keeps the server
// until its standard input closes.
using System.Diagnostics;
using DbGate.Core.Providers.Docker;

var image = args.Length > 0 ? args[0] : "dbgate/postgres:15";
var clock = Stopwatch.StartNew();
await using var server = await new DockerPostgresProvider(image).StartAsync(CancellationToken.None);
Console.WriteLine($"started {Environment.ProcessId} {clock.ElapsedMilliseconds}");
await Console.In.ReadToEndAsync();
