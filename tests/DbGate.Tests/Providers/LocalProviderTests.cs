using DbGate.Core.Providers.Local;
using Npgsql;

namespace DbGate.Tests.Providers;

public sealed class LocalProviderTests
{
    [Fact]
    public async Task Started_server_answers_with_durability_off_on_a_private_socket()
    {
        await using var server = await new LocalPostgresProvider().StartAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();

        var settings = await ReadAsync(connection, "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('listen_addresses')");

        Assert.Equal(["off", "off", "off", ""], settings);
        Assert.StartsWith("PostgreSQL 1", server.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_server_stops_its_process_and_deletes_its_directory()
    {
        var server = (LocalPostgresServer)await new LocalPostgresProvider().StartAsync(CancellationToken.None);
        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(server.RunDirectory, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.RunDirectory));
        Assert.False(Directory.Exists($"/proc/{postmasterPid}"));
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_without_sharing_anything()
    {
        await using var first = await new LocalPostgresProvider().StartAsync(CancellationToken.None);
        await using var second = await new LocalPostgresProvider().StartAsync(CancellationToken.None);

        await using var a = new NpgsqlConnection(first.AdminConnectionString);
        await a.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE DATABASE only_in_first", a))
            await create.ExecuteNonQueryAsync();
        await using var b = new NpgsqlConnection(second.AdminConnectionString);
        await b.OpenAsync();

        var found = await ReadAsync(b, "SELECT count(*)::text FROM pg_database WHERE datname = 'only_in_first'");
        Assert.Equal(["0"], found);
    }

    private static async Task<string[]> ReadAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
    }
}
