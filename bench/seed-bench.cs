#:project ../src/DbGate.Core/DbGate.Core.csproj

// One million rows over three related tables (bench/seed-schema.sql), made by DbGate's generator (binary COPY)
// and by the server itself (bench/seed-server.sql, INSERT … SELECT … FROM generate_series), alternately, each in a
// fresh database of one local server, both ending with ANALYZE. Prints each round and the median ratio.
using System.Diagnostics;
using System.Globalization;
using DbGate.Core.Providers.Local;
using DbGate.Core.Seeding;
using Npgsql;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var here = Path.GetDirectoryName(Path.GetFullPath(args.Length > 1 ? args[1] : "bench/seed-bench.cs"))!;
var schema = File.ReadAllText(Path.Combine(here, "seed-schema.sql"));
var serverSql = File.ReadAllText(Path.Combine(here, "seed-server.sql"));
var options = new SeedOptions { Seed = 42, Rows = [new("customers", 100_000), new("orders", 300_000), new("order_items", 600_000)] };

// Other work on the machine slows both sides; the load average says how busy it was.
Console.WriteLine($"{Environment.ProcessorCount} cores; load average at start: {LoadAverage()}");
await using var server = await new LocalPostgresProvider().StartAsync(CancellationToken.None);
var ratios = new List<double>();
var generatorTimes = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    // Alternate which goes first, so a warming server or a busy neighbour does not favour one side.
    double generator = 0, byServer = 0;
    foreach (var side in round % 2 == 1 ? new[] { "generator", "server" } : ["server", "generator"])
    {
        await using var connection = await DatabaseAsync($"bench_{round}_{side}");
        var clock = Stopwatch.StartNew();
        if (side == "generator")
        {
            var result = await Seeder.SeedAsync(connection, options, CancellationToken.None);
            generator = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"round {round}: generator {generator,6:0.00} s ({result.GeneratedRows} rows; load {result.LoadElapsed.TotalSeconds:0.00} s, analyze {result.AnalyzeElapsed.TotalSeconds:0.00} s)");
        }
        else
        {
            await using (var command = new NpgsqlCommand(serverSql, connection))
                await command.ExecuteNonQueryAsync();
            byServer = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"round {round}: server    {byServer,6:0.00} s (INSERT … SELECT … generate_series, ANALYZE)");
        }
    }
    ratios.Add(generator / byServer);
    generatorTimes.Add(generator);
}
ratios.Sort();
generatorTimes.Sort();
Console.WriteLine($"median generator time: {generatorTimes[generatorTimes.Count / 2]:0.00} s for 1,000,000 rows");
Console.WriteLine($"median ratio generator / server: {ratios[ratios.Count / 2]:0.00} (rounds: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})");
Console.WriteLine($"load average at end: {LoadAverage()}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

async Task<NpgsqlConnection> DatabaseAsync(string name)
{
    await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
    }
    var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name, Pooling = false, CommandTimeout = 0 }.ConnectionString);
    await connection.OpenAsync();
    await using (var command = new NpgsqlCommand(schema, connection))
        await command.ExecuteNonQueryAsync();
    return connection;
}
