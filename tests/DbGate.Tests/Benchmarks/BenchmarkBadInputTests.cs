using System.Text.RegularExpressions;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// Bad input through dotnet dbgate benchmark and explain, as real processes: what makes the project unusable is one
/// dbgate: line with exit 2 (3 for a server it cannot reach), what one query gets wrong is a DBG400 finding at its
/// place (exit 1); never a stack trace, never the password.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed partial class BenchmarkBadInputTests(PostgresFixture server)
{
    private const string Schema = "CREATE TABLE customers (id bigint PRIMARY KEY, code smallint UNIQUE);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));\n";

    private const string OneQuery = "benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n";

    public static TheoryData<string, string, string, int, string> Projects => new()
    {
        { "benchmark", "bad yaml", "benchmarks: [\n", 2, "dbgate: dbgate.yml:2:1: While parsing a node, did not find expected node content." },
        { "explain", "bad yaml", "benchmarks: [\n", 2, "dbgate: dbgate.yml:2:1: While parsing a node, did not find expected node content." },
        { "benchmark", "unknown key", "benchmarks:\n  querys: []\n", 2, "dbgate: dbgate.yml:2:3: unknown key 'querys' (did you mean 'queries'?)" },
        { "explain", "unknown key", "seed:\n  row: { orders: 5 }\n", 2, "dbgate: dbgate.yml:2:3: unknown key 'row' (did you mean 'rows'?)" },
        { "benchmark", "unsatisfiable seed", "seed:\n  rows: { customers: 70000 }\n" + OneQuery, 2, "dbgate: dbgate.yml:2:11: seed: customers.code: unique key customers_code_key needs 70000 distinct values, but the columns hold at most 65536 (smallint)" },
        { "explain", "unsatisfiable seed", "seed:\n  rows: { customers: 70000 }\n", 2, "dbgate: dbgate.yml:2:11: seed: customers.code: unique key customers_code_key needs 70000 distinct values, but the columns hold at most 65536 (smallint)" },
        { "benchmark", "seed table missing", "seed:\n  rows: { custmers: 5 }\n" + OneQuery, 2, "dbgate: dbgate.yml:2:11: seed.rows.custmers: table 'custmers' does not exist (did you mean 'customers'?)" },
        { "benchmark", "no migrations", OneQuery, 2, "dbgate: no migrations found in " },
        { "explain", "no migrations", "", 2, "dbgate: no migrations found in " },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task A_project_that_cannot_be_benchmarked_is_one_line_and_its_exit_code(string command, string kind, string config, int exit, string line)
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", config);
        if (kind != "no migrations")
            folder.Write("1_shop.up.sql", Schema);

        var run = await RunAsync(command, folder.Path, server.AdminConnectionString);

        Assert.True(run.ExitCode == exit, $"{kind}: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        var errors = Lines(run.Error);
        Assert.StartsWith(line, errors[^1], StringComparison.Ordinal);
        Assert.All(errors, e => Assert.StartsWith("dbgate: ", e, StringComparison.Ordinal));
        Assert.DoesNotMatch(StackFrame(), run.Output + run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Bad_sql_a_missing_parameter_and_a_value_of_the_wrong_type_are_each_a_finding_at_their_dbgate_yml_line()
    {
        using var folder = new TempFolder();
        folder.Write("1_shop.up.sql", Schema);
        folder.Write("dbgate.yml", """
            seed:
              rows: { customers: 10, orders: 10 }
            benchmarks:
              queries:
                - name: bad-sql
                  sql: SELECT FROM orderz WHERE
                - name: missing-param
                  sql: SELECT id FROM orders WHERE customer_id = $1
                - name: wrong-type
                  sql: SELECT id FROM orders WHERE customer_id = $1
                  params: [[7], [abc]]
            """);

        var run = await RunAsync("benchmark", folder.Path, server.AdminConnectionString);

        Assert.True(run.ExitCode == 1, run.Error);
        // The syntax error is placed in the inline SQL itself: at its end, where PostgreSQL found it.
        Assert.Contains("dbgate.yml:6:36: error DBG400: benchmark bad-sql cannot run: syntax error at end of input", run.Output, StringComparison.Ordinal);
        Assert.Contains("dbgate.yml:7:7: error DBG400: benchmark missing-param cannot run: params[0] gives 0 values, but the statement takes 1 ($1 bigint)", run.Output, StringComparison.Ordinal);
        Assert.Contains("dbgate.yml:11:21: error DBG400: benchmark wrong-type with (abc) cannot run: invalid input syntax for type bigint: \"abc\"", run.Output, StringComparison.Ordinal);
        // No "at character N": the statement's place is a line and column; the value's would count in DbGate's own EXPLAIN text.
        Assert.DoesNotContain("at character", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), run.Output + run.Error);
    }

    [Theory]
    [InlineData("SELECT id FROM ordrs", "(command line):1:1: error DBG400: benchmark explain cannot run: relation \"ordrs\" does not exist")]
    [InlineData("SELECT id FROM orders WHERE customer_id = $1", "(command line):1:1: error DBG400: benchmark explain cannot run: --param gives 0 values, but the statement takes 1 ($1 bigint)")]
    public async Task Explain_of_a_statement_that_cannot_run_is_a_finding_and_exit_1(string sql, string finding)
    {
        using var folder = new TempFolder();
        folder.Write("1_shop.up.sql", Schema);
        folder.Write("dbgate.yml", "seed:\n  rows: { customers: 10, orders: 10 }\n");

        var (exit, output, error) = await CliProcess.RunAsync("explain", sql, folder.Path, "--connection", server.AdminConnectionString);

        Assert.True(exit == 1, error);
        Assert.Contains(finding, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), output + error);
    }

    [Theory]
    [InlineData("benchmark")]
    [InlineData("explain")]
    public async Task A_server_that_cannot_be_reached_is_exit_3_in_one_line_without_the_password(string command)
    {
        using var folder = new TempFolder();
        folder.Write("1_shop.up.sql", Schema);
        folder.Write("dbgate.yml", OneQuery);

        var run = await RunAsync(command, folder.Path, "Host=127.0.0.1;Port=1;Username=gate;Password=s3cr3t-never-shown;Timeout=2");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("dbgate: could not reach PostgreSQL at 127.0.0.1:1", Lines(run.Error)[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-never-shown", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), run.Output + run.Error);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string command, string folder, string connection) =>
        command == "explain"
            ? CliProcess.RunAsync("explain", "SELECT count(*) FROM orders", folder, "--connection", connection)
            : CliProcess.RunAsync("benchmark", folder, "--connection", connection);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"(?m)^\s+at [\w.<>`]+\(")]
    private static partial Regex StackFrame();
}
