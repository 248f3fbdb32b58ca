using DbGate.Core.Providers.Docker;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;
using Npgsql;

namespace DbGate.Tests.Secrets;

/// <summary>
/// Failing runs with distinctive secrets in every place a user puts one, each output grepped for them: stdout, stderr,
/// every report, `ps -eo args` sampled during the run, and the environment of every process DbGate starts.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SecretTests(PostgresFixture server)
{
    private const string ConnectionPassword = "conn-pw-7Hq2Zx9";
    private const string PgPassword = "pgpass-Vt4Ls8Kd";
    private const string Token = "token-Jr5Nw3Bc";

    private static readonly string[] Secrets = [ConnectionPassword, PgPassword, Token];

    [Fact]
    public async Task A_failing_run_shows_no_secret_on_the_console_in_reports_or_in_the_process_list()
    {
        using var project = new TempFolder();
        project.Write("dbgate.yml", "postgres:\n  connection: ${DBGATE_TEST_SECRET_CONNECTION}\nreports:\n  sarif: out/r.sarif\n  junit: out/r.xml\n  json: out/r.json\n  markdown: out/r.md\n");
        // A bad migration with the secret beside it, whose error PostgreSQL answers by quoting it.
        project.Write("1_read_secret.up.sql", $"SELECT '{ConnectionPassword}'::int;\n");
        project.Write("2_fine.up.sql", "CREATE TABLE fine (id int);\n");
        // The fixture's server trusts its socket, so a password is accepted and ignored: the run goes on to fail in a migration.
        var connection = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Password = ConnectionPassword }.ConnectionString;

        var (exit, output, error, watch) = await RunWatchedAsync(
            ["check", "."], project.Path,
            new() { ["DBGATE_TEST_SECRET_CONNECTION"] = connection, ["PGPASSWORD"] = PgPassword, ["DBGATE_TEST_TOKEN"] = Token });

        Assert.Equal(1, exit);
        Assert.Contains("1_read_secret.up.sql:1:8: error DBG001: up of 1_read_secret fails: invalid input syntax for type integer: \"***\"", output, StringComparison.Ordinal);
        var reports = Directory.EnumerateFiles(Path.Combine(project.Path, "out")).ToList();
        Assert.Equal(4, reports.Count);
        AssertNoSecret(output, error, watch, reports);
    }

    [Fact]
    public async Task The_server_DbGate_starts_inherits_none_of_its_environments_secrets()
    {
        using var project = new TempFolder();
        project.Write("1_broken.up.sql", "CREATE TABLE broken (id nosuchtype);\n");
        var secretConnection = $"Host=nowhere.invalid;Username=ci;Password={ConnectionPassword}";

        var (exit, output, error, watch) = await RunWatchedAsync(
            ["check", ".", "--provider", "local"], project.Path,
            new() { ["DBGATE_CONNECTION"] = secretConnection, ["PGPASSWORD"] = PgPassword, ["DBGATE_TEST_TOKEN"] = Token });

        Assert.Equal(1, exit);
        Assert.Contains(watch.Descendants, d => d.CommandLine.Contains("postgres", StringComparison.Ordinal) && d.Environment.Contains("PATH=", StringComparison.Ordinal));
        AssertNoSecret(output, error, watch, []);
    }

    [Fact]
    public async Task A_connection_string_given_where_the_folder_goes_is_not_echoed()
    {
        var (exit, _, error) = await CliProcess.RunAsync("check", $"Host=db;Username=ci;Password={ConnectionPassword}");

        Assert.Equal(2, exit);
        Assert.Equal("dbgate: folder not found: Host=db;Username=ci;Password=***", error.Trim());
    }

    [DockerFact]
    public async Task A_wrong_password_to_a_real_server_is_one_line_and_the_only_process_showing_it_is_the_one_it_was_typed_into()
    {
        await using var container = await new DockerPostgresProvider(DockerTestEnvironment.Image).StartAsync(CancellationToken.None);
        var wrong = new NpgsqlConnectionStringBuilder(container.AdminConnectionString) { Password = ConnectionPassword, Timeout = 10 }.ConnectionString;
        using var project = new TempFolder();
        project.Write("1_create.up.sql", "CREATE TABLE t (id int);\n");

        var (exit, output, error, watch) = await RunWatchedAsync(["check", ".", "--provider", "external", "--connection", wrong], project.Path, []);

        Assert.Equal(3, exit);
        var lines = error.Trim().Split('\n');
        Assert.Equal(
            "dbgate: warning: a password given with --connection is visible to every user of this machine in the process list; set DBGATE_CONNECTION or postgres.connection: ${VARIABLE} in dbgate.yml instead",
            lines[0]);
        Assert.Single(lines, line => line.StartsWith("dbgate: warning:", StringComparison.Ordinal));
        Assert.Matches("^dbgate: could not reach PostgreSQL at [^ ]+: 28P01: password authentication failed for user \"postgres\"$", lines[^1]);
        // What the user typed on DbGate's own command line stays in its own entry of the process list, and only there.
        var showing = watch.ProcessList.Where(line => line.Contains(ConnectionPassword, StringComparison.Ordinal)).Distinct().ToList();
        Assert.All(showing, line => Assert.Contains("dotnet-dbgate.dll check", line, StringComparison.Ordinal));
        Assert.DoesNotContain(ConnectionPassword, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(watch.Descendants, d => (d.CommandLine + d.Environment).Contains(ConnectionPassword, StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Output, string Error, ProcessWatch Watch)> RunWatchedAsync(
        string[] arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        using var cli = CliProcess.Start(arguments, environment, workingDirectory);
        var watch = new ProcessWatch(cli.Id);
        try
        {
            var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(2));
            return (exit, output, error, watch);
        }
        finally
        {
            await watch.DisposeAsync();
            Assert.True(watch.Samples > 0, "the process list was never sampled during the run");
        }
    }

    private static void AssertNoSecret(string output, string error, ProcessWatch watch, IEnumerable<string> reports)
    {
        var seen = new Dictionary<string, string>
        {
            ["stdout"] = output,
            ["stderr"] = error,
            ["ps -eo args"] = string.Join('\n', watch.ProcessList),
            ["child processes"] = string.Join('\n', watch.Descendants.Select(d => $"{d.CommandLine} ENVIRONMENT {d.Environment}")),
        };
        foreach (var report in reports)
            seen[Path.GetFileName(report)] = File.ReadAllText(report);
        foreach (var (where, text) in seen)
        {
            foreach (var secret in Secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{secret} appears in {where}: {text.Split('\n').FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal))}");
        }
    }
}
