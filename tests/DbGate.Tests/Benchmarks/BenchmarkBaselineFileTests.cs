using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>
/// The benchmark baseline file is read by the commands that judge against it, not by the options resolver: the first
/// --update-baseline writes the file dbgate.yml names, and a broken file stops check in one line but not explain.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class BenchmarkBaselineFileTests(PostgresFixture server)
{
    private const string Config = """
        seed:
          seed: 3
          rows: { customers: 20, orders: 200 }
        benchmarks:
          baseline: perf/base.json
          queries:
            - name: orders-of-customer
              sql: SELECT id FROM orders WHERE customer_id = $1
              params: [[7]]
        """;

    private static TempFolder Project(string config = Config)
    {
        var folder = new TempFolder();
        folder.Write("1_shop.up.sql", BenchmarkProject.Shop);
        folder.Write("dbgate.yml", config);
        return folder;
    }

    [Fact]
    public async Task The_first_update_baseline_writes_the_file_benchmarks_baseline_names_and_check_then_compares_with_it()
    {
        using var folder = Project();

        var (exit, output, error) = await CliProcess.RunAsync("benchmark", folder.Path, "--update-baseline", "--connection", server.AdminConnectionString);

        Assert.True(exit == 0, error);
        Assert.Contains("dbgate: wrote 1 benchmark(s) to ", output, StringComparison.Ordinal);
        Assert.Contains("\"contract\": \"seed 3, ", File.ReadAllText(Path.Combine(folder.Path, "perf", "base.json")), StringComparison.Ordinal);
        var result = await BenchmarkProject.RunAsync(server, folder.Path);
        Assert.Contains("benchmarks compared with perf/base.json (same schema)", result.Notices);
    }

    [Fact]
    public async Task A_named_baseline_that_does_not_exist_stops_check_in_one_line_with_exit_2_at_its_key()
    {
        using var folder = Project();

        var (exit, _, error) = await CliProcess.RunAsync("check", folder.Path, "--connection", server.AdminConnectionString);

        Assert.Equal(2, exit);
        Assert.Equal("dbgate: dbgate.yml:5:3: benchmarks.baseline: file not found: perf/base.json (write it with dotnet dbgate benchmark --update-baseline)", error.Trim());
    }

    [Theory]
    [InlineData("{ not json", "dbgate: perf/base.json:1: not a benchmark baseline (")]
    [InlineData("{\"version\": 1, \"runs\": [null]}", "dbgate: perf/base.json is not a benchmark baseline of version 1; write it again with dotnet dbgate benchmark --update-baseline")]
    [InlineData("{\"version\": 7, \"runs\": []}", "dbgate: perf/base.json is not a benchmark baseline of version 1; write it again")]
    public async Task A_broken_baseline_is_one_line_and_exit_2_for_check_but_explain_still_runs(string content, string message)
    {
        using var folder = Project();
        folder.Write("perf/base.json", content);

        var check = await CliProcess.RunAsync("check", folder.Path, "--connection", server.AdminConnectionString);
        var explain = await CliProcess.RunAsync("explain", "SELECT count(*) FROM customers", folder.Path, "--connection", server.AdminConnectionString);

        Assert.Equal(2, check.ExitCode);
        Assert.StartsWith(message, check.Error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', check.Error.Trim());
        Assert.True(explain.ExitCode == 0, explain.Error);
        Assert.Contains("Aggregate  cost ", explain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_baseline_replaces_a_broken_baseline_without_reading_it()
    {
        using var folder = Project();
        folder.Write("perf/base.json", "{ not json");

        var (exit, _, error) = await CliProcess.RunAsync("benchmark", folder.Path, "--update-baseline", "--connection", server.AdminConnectionString);

        Assert.True(exit == 0, error);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(folder.Path, "perf", "base.json")), StringComparison.Ordinal);
        Assert.Contains("\"runs\": [", File.ReadAllText(Path.Combine(folder.Path, "perf", "base.json")), StringComparison.Ordinal);
    }
}
