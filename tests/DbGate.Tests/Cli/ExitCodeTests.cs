using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

[Collection(PostgresServerGroup.Name)]
public sealed class ExitCodeTests(PostgresFixture server)
{
    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var (exit, output, _) = await CliProcess.RunAsync("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task An_unknown_option_is_a_one_line_usage_error_with_exit_2()
    {
        var (exit, output, error) = await CliProcess.RunAsync("check", "--frobnicate");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_a_one_line_error_with_exit_2()
    {
        var (exit, _, error) = await CliProcess.RunAsync("check", "no/such/folder");

        Assert.Equal(2, exit);
        Assert.Equal("dbgate: folder not found: no/such/folder", error.Trim());
    }

    [Fact]
    public async Task The_passing_sample_exits_0()
    {
        var (exit, output, _) = await CliProcess.RunAsync("check", "samples/shop", "--connection", server.AdminConnectionString);

        Assert.Equal(0, exit);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broken_sample_exits_1_and_names_each_broken_step_at_its_file_and_line()
    {
        var (exit, output, _) = await CliProcess.RunAsync("check", "samples/shop-broken", "--connection", server.AdminConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("samples/shop-broken/migrations/2024-01-04-000001_create_orders/down.sql:3:6: error DBG002:", output, StringComparison.Ordinal);
        Assert.Contains("samples/shop-broken/migrations/2024-01-02-000001_index_customer_email/down.sql:1:1: error DBG003:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_none_lets_findings_pass()
    {
        var (exit, _, _) = await CliProcess.RunAsync("check", "samples/shop-broken", "--connection", server.AdminConnectionString, "--fail-on", "none");

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3_in_one_line_without_the_password()
    {
        var (exit, _, error) = await CliProcess.RunAsync("check", "samples/shop", "--connection", "Host=127.0.0.1;Port=1;Username=ci;Password=hunter2-secret;Timeout=3");

        Assert.Equal(3, exit);
        Assert.Single(error.Trim().Split('\n'), line => line.StartsWith("dbgate: could not reach PostgreSQL at 127.0.0.1:1", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_exits_2_without_echoing_it()
    {
        var (exit, _, error) = await CliProcess.RunAsync("check", "samples/shop", "--connection", "Host=x;Pasword=hunter2-secret;Bogus");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task With_no_postgresql_anywhere_auto_exits_3_saying_what_to_install_or_set()
    {
        using var empty = new TempFolder();
        // A machine without Docker, for this process only: its socket is hidden in a private mount namespace.
        string[] withoutDocker = ["unshare", "--mount", "sh", "-c", "mount --bind /dev/null /run/docker.sock 2>/dev/null; exec \"$@\"", "sh"];
        using var cli = CliProcess.Start(
            ["check", "samples/shop"],
            new Dictionary<string, string> { ["DBGATE_PG_BINDIR"] = empty.Path, ["DBGATE_CONNECTION"] = "" },
            wrapper: withoutDocker);

        var (exit, _, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(3, exit);
        Assert.Equal(
            "dbgate: no PostgreSQL available: install PostgreSQL server binaries (Debian: apt-get install postgresql), start Docker, or set --connection / DBGATE_CONNECTION",
            error.Trim());
    }
}
