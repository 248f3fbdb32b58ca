using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>
/// Every command's bad input through the real CLI: one line on stderr, the README's exit code, no stack trace, and
/// never the password, whichever command it was typed into and in whichever form.
/// </summary>
public sealed class CommandErrorTests
{
    private const string Password = "conn-pw-Secret4kQz";
    private const string PgPassword = "pgpass-Secret8mNv";

    private static readonly Dictionary<string, string> SecretEnvironment = new() { ["PGPASSWORD"] = PgPassword, ["DBGATE_CONNECTION"] = "" };

    /// <summary>Each command that takes a connection, given the project folder and the connection string.</summary>
    private static readonly (string Name, Func<string, string[]> Arguments)[] ConnectingCommands =
    [
        ("check", c => ["check", ".", "--provider", "external", "--connection", c]),
        ("baseline", c => ["baseline", ".", "--provider", "external", "--connection", c]),
        ("docs", c => ["docs", ".", "--provider", "external", "--connection", c]),
        ("explain", c => ["explain", "SELECT 1", ".", "--provider", "external", "--connection", c]),
        ("benchmark", c => ["benchmark", ".", "--provider", "external", "--connection", c]),
        ("stats export", c => ["stats", "export", "--connection", c]),
    ];

    /// <summary>A malformed string, a URI (which Npgsql does not read), and a well-formed one to a port nothing listens on.</summary>
    private static readonly (string Form, string Connection, int ExitCode)[] BadConnections =
    [
        ("key=value, malformed", $"Host=db;Username=ci;Password={Password};Bogus", 2),
        ("postgres:// URI", $"postgres://ci:{Password}@127.0.0.1:1/app", 2),
        ("key=value, unreachable", $"Host=127.0.0.1;Port=1;Username=ci;Password={Password};Timeout=3", 3),
    ];

    /// <summary>Every command and subcommand, as typed.</summary>
    private static readonly string[][] Commands =
        [["check"], ["init"], ["hook"], ["hook", "install"], ["hook", "uninstall"], ["stats"], ["stats", "export"], ["baseline"], ["docs"], ["explain"], ["benchmark"]];

    [Fact]
    public async Task A_bad_connection_string_is_one_line_with_its_exit_code_and_no_command_shows_its_password()
    {
        using var project = Project();
        var cases = ConnectingCommands.SelectMany(command => BadConnections.Select(bad => ($"{command.Name}, {bad.Form}", command.Arguments(bad.Connection))))
            // init and hook take no connection: one typed where their folder goes is not echoed either.
            .Concat([("init, as the folder", ["init", $"Host=db;Password={Password}"]), ("hook install, as the folder", ["hook", "install", $"Host=db;Password={Password}"])])
            // PGPASSWORD is a secret too, wherever it turns up.
            .Concat([("check, PGPASSWORD as the folder", ["check", PgPassword]), ("init, PGPASSWORD as the folder", ["init", PgPassword])]);

        var outcomes = await CliOutcome.RunAllAsync(cases, project.Path, SecretEnvironment);

        var expected = ConnectingCommands.SelectMany(command => BadConnections.Select(bad => ($"{command.Name}, {bad.Form}", bad.ExitCode)))
            .Concat([("init, as the folder", 2), ("hook install, as the folder", 2), ("check, PGPASSWORD as the folder", 2), ("init, PGPASSWORD as the folder", 2)])
            .ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Empty(outcomes.Where(o => o.Problem(expected[o.Label], Password, PgPassword) is not null).Select(o => $"{o.Problem(expected[o.Label], Password, PgPassword)}: {o}"));
        Assert.All(outcomes.Where(o => o.Label.EndsWith("URI", StringComparison.Ordinal)), o => Assert.EndsWith(
            "the connection string is a postgres:// URI, which Npgsql does not read; write it as Host=…;Port=…;Username=…;Database=…", o.OnlyErrorLine, StringComparison.Ordinal));
        Assert.All(outcomes.Where(o => o.Label.EndsWith("unreachable", StringComparison.Ordinal)), o => Assert.Contains(
            "could not reach PostgreSQL at 127.0.0.1:1: ", o.OnlyErrorLine, StringComparison.Ordinal));
        // The password typed on the command line is visible to everyone in the process list: every command says so.
        Assert.All(outcomes.Where(o => BadConnections.Any(b => o.Label.EndsWith(b.Form, StringComparison.Ordinal))), o => Assert.StartsWith(
            "dbgate: warning: a password given with --connection is visible to every user of this machine in the process list", o.ErrorLines[0], StringComparison.Ordinal));
        Assert.Equal("dbgate: folder not found: ***", outcomes.Single(o => o.Label == "init, PGPASSWORD as the folder").OnlyErrorLine);
    }

    [Fact]
    public async Task A_malformed_dbgate_yml_is_one_located_line_and_exit_2_for_every_command_that_reads_it()
    {
        using var project = Project();
        project.Write("dbgate.yml", "fail_on: warning\nrules: [\n");
        string[][] cases = [["check", "."], ["baseline", "."], ["docs", "."], ["explain", "SELECT 1", "."], ["benchmark", "."]];

        var outcomes = await CliOutcome.RunAllAsync(cases.Select(c => (c[0], c)), project.Path, SecretEnvironment);

        Assert.Empty(outcomes.Where(o => o.Problem(2) is not null).Select(o => $"{o.Problem(2)}: {o}"));
        Assert.All(outcomes, o => Assert.StartsWith("dbgate: dbgate.yml:3:1: ", o.OnlyErrorLine, StringComparison.Ordinal));
        // init does not read it, and does not overwrite it either.
        var init = (await CliOutcome.RunAllAsync([("init", ["init", "."])], project.Path))[0];
        Assert.Null(init.Problem(2));
        Assert.Equal($"dbgate: {Path.Combine(project.Path, "dbgate.yml")} already exists: pass --force to replace it", init.OnlyErrorLine);
    }

    [Fact]
    public async Task Every_command_answers_help_with_exit_0_and_an_unknown_option_or_a_misplaced_version_with_one_line_and_exit_2()
    {
        using var project = Project();
        var help = Commands.Select(c => ($"{string.Join(' ', c)} --help", (string[])[.. c, "--help"]));
        var unknown = Commands.Select(c => ($"{string.Join(' ', c)} --bogus", (string[])[.. c, "--bogus"]));
        var version = Commands.Take(2).Select(c => ($"{string.Join(' ', c)} --version", (string[])[.. c, "--version"]));

        var outcomes = await CliOutcome.RunAllAsync([.. help, .. unknown, .. version], project.Path);

        var helped = outcomes.Where(o => o.Label.EndsWith("--help", StringComparison.Ordinal)).ToList();
        Assert.All(helped, o => Assert.True(o.ExitCode == 0 && o.Error.Length == 0 && o.Output.Contains("Usage:", StringComparison.Ordinal), o.ToString()));
        var refused = outcomes.Except(helped).ToList();
        Assert.Empty(refused.Where(o => o.Problem(2) is not null).Select(o => $"{o.Problem(2)}: {o}"));
        // The option is named, not taken for the folder ("folder not found: --bogus"), with the command's own help.
        Assert.All(refused.Where(o => o.Label.EndsWith("--bogus", StringComparison.Ordinal)), o => Assert.Matches(
            @"^dbgate: (unknown option --bogus|Required command was not provided\.) \(see dotnet dbgate [a-z ]+ --help\)$", o.OnlyErrorLine));
        Assert.Equal("dbgate: --version goes alone: dotnet dbgate --version (see dotnet dbgate check --help)", outcomes.Single(o => o.Label == "check --version").OnlyErrorLine);
    }

    [Fact]
    public async Task A_mistyped_option_names_the_option_meant_even_before_the_folder()
    {
        using var project = Project();

        var outcomes = await CliOutcome.RunAllAsync(
            [("before", ["check", "--conection", "Host=db", "."]), ("after", ["check", ".", "--fail-onn", "warning"]), ("with =", ["docs", $"--pasword={Password}"])],
            project.Path);

        Assert.Empty(outcomes.Where(o => o.Problem(2, Password) is not null).Select(o => $"{o.Problem(2, Password)}: {o}"));
        Assert.Equal("dbgate: unknown option --conection (did you mean --connection?) (see dotnet dbgate check --help)", outcomes[0].OnlyErrorLine);
        Assert.Equal("dbgate: unknown option --fail-onn (did you mean --fail-on?) (see dotnet dbgate check --help)", outcomes[1].OnlyErrorLine);
        Assert.Equal("dbgate: unknown option --pasword (see dotnet dbgate docs --help)", outcomes[2].OnlyErrorLine);
    }

    /// <summary>A project every command accepts: one migration and one benchmark, so each gets as far as its connection.</summary>
    private static TempFolder Project()
    {
        var project = new TempFolder();
        project.Write("1_create.up.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
        project.Write("1_create.down.sql", "DROP TABLE t;\n");
        project.Write("dbgate.yml", "benchmarks:\n  queries:\n    - name: one\n      sql: SELECT * FROM t WHERE id = 1\n");
        return project;
    }
}
