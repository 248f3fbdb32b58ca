using DbGate.Core.Providers;
using DbGate.Core.Providers.Docker;
using Npgsql;

namespace DbGate.Tests.Providers.Docker;

public sealed class DockerPostgresProviderTests
{
    private static readonly DockerPostgresProvider Provider = new(DockerTestEnvironment.Image);

    [DockerFact]
    public async Task Started_server_answers_select_1_and_describes_itself_without_secrets()
    {
        await using var server = await Provider.StartAsync(CancellationToken.None);

        Assert.Equal(1, await QueryAsync<int>(server, "select 1"));
        Assert.Matches(@"^PostgreSQL \d+\.\d+ \(docker, " + System.Text.RegularExpressions.Regex.Escape(DockerTestEnvironment.Image) + @"\)$", server.Description);
        var password = new NpgsqlConnectionStringBuilder(server.AdminConnectionString).Password!;
        Assert.DoesNotContain(password, server.Description, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Admin_connection_is_a_superuser_on_the_maintenance_database()
    {
        await using var server = await Provider.StartAsync(CancellationToken.None);

        Assert.Equal("postgres", await QueryAsync<string>(server, "select current_database()"));
        Assert.True(await QueryAsync<bool>(server, "select rolsuper from pg_roles where rolname = current_user"));
    }

    [DockerFact]
    public async Task Durability_is_off_on_the_throwaway_server()
    {
        await using var server = await Provider.StartAsync(CancellationToken.None);

        Assert.Equal("off", await QueryAsync<string>(server, "show fsync"));
        Assert.Equal("off", await QueryAsync<string>(server, "show synchronous_commit"));
        Assert.Equal("off", await QueryAsync<string>(server, "show full_page_writes"));
    }

    [DockerFact]
    public async Task Container_is_gone_after_DisposeAsync()
    {
        var server = (DockerPostgresServer)await Provider.StartAsync(CancellationToken.None);
        var containerId = server.ContainerId;
        Assert.True(await DockerTestContainers.ExistsAsync(containerId));

        await server.DisposeAsync();

        Assert.False(await DockerTestContainers.ExistsAsync(containerId));
    }

    [DockerFact]
    public async Task Each_run_gets_its_own_password()
    {
        await using var first = await Provider.StartAsync(CancellationToken.None);
        await using var second = await Provider.StartAsync(CancellationToken.None);

        Assert.NotEqual(
            new NpgsqlConnectionStringBuilder(first.AdminConnectionString).Password,
            new NpgsqlConnectionStringBuilder(second.AdminConnectionString).Password);
    }

    [DockerFact]
    public async Task Missing_image_gives_a_one_line_InfrastructureException()
    {
        var provider = new DockerPostgresProvider("dbgate/no-such-image:0");

        var failure = await Assert.ThrowsAsync<InfrastructureException>(() => provider.StartAsync(CancellationToken.None));

        Assert.Contains("dbgate/no-such-image:0", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain(" at ", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<T> QueryAsync<T>(IPostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
