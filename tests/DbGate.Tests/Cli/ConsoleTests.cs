using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>What `check` shows people: the verdict, the step table only when it helps, colour and live progress only on a terminal.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ConsoleTests(PostgresFixture server)
{
    private const string StepLine = @"0001_create_customers +up passed";

    [Fact]
    public async Task A_passing_run_in_a_log_prints_the_verdict_without_the_step_table_or_progress_lines()
    {
        var (exit, output, error) = await CliProcess.RunAsync("check", "samples/shop", "--connection", server.AdminConnectionString);

        Assert.Equal(0, exit);
        Assert.DoesNotMatch(StepLine, output);
        Assert.Matches(@"^21 steps, 0 errors, 0 warnings in [\d.]+ m?s — PASSED\n$", output);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task A_failing_run_prints_the_step_table_then_the_findings()
    {
        var (exit, output, _) = await CliProcess.RunAsync("check", "samples/shop-broken", "--connection", server.AdminConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("2024-01-04-000001_create_orders", output.Split('\n')[3], StringComparison.Ordinal);
        Assert.Contains("down FAILED", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("down FAILED", StringComparison.Ordinal) < output.IndexOf("error DBG002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiet_prints_only_the_findings()
    {
        var (exit, output, _) = await CliProcess.RunAsync("check", "samples/shop-broken", "--connection", server.AdminConnectionString, "--quiet");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The six broken round trips, and the two ups that would lock out production: DBG101's index build, DBG102's rewrite.
        Assert.Equal(8, lines.Count(l => l.StartsWith("samples/shop-broken/migrations/", StringComparison.Ordinal) && l.Contains(": error DBG", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.True(l.StartsWith("samples/", StringComparison.Ordinal) || l.StartsWith("    ", StringComparison.Ordinal), l));
    }

    [Fact]
    public async Task Verbose_prints_the_step_table_and_logs_diagnostics_to_stderr()
    {
        var (exit, output, error) = await CliProcess.RunAsync("check", "samples/shop", "--connection", server.AdminConnectionString, "--verbose");

        Assert.Equal(0, exit);
        Assert.Matches(StepLine, output);
        Assert.Contains("dbgate: step 7 of 7: 0007_validate_customer_phone\n", error, StringComparison.Ordinal);
        Assert.Contains("dbgate: 0007_validate_customer_phone: up ok, down ok, redo ok\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("dbgate: step", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_a_live_line_shows_step_i_of_n_and_colour_appears_unless_NO_COLOR()
    {
        var coloured = await OnTerminalAsync(noColor: "");
        var plain = await OnTerminalAsync(noColor: "1");

        Assert.Contains("step 7 of 7: 0007_validate_customer_phone", coloured, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;32mPASSED\u001b[0m", coloured, StringComparison.Ordinal);
        Assert.Contains("step 7 of 7: 0007_validate_customer_phone", plain, StringComparison.Ordinal);
        Assert.Contains("PASSED", plain, StringComparison.Ordinal);
        Assert.DoesNotMatch("\u001b\\[[0-9;]*m", plain);
    }

    /// <summary>The CLI under `script`, which gives it a pseudo-terminal for stdout and stderr, as a person's shell would.</summary>
    private async Task<string> OnTerminalAsync(string noColor)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dotnet-dbgate.dll");
        var command = $"dotnet exec '{dll}' check samples/shop --connection '{server.AdminConnectionString}'";
        var result = await Processes.RunAsync("script", ["-qec", command, "/dev/null"], RepoPaths.SolutionDirectory, new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = "xterm-256color", ["COLUMNS"] = "120" });
        Assert.True(result.ExitCode == 0, result.All);
        return result.Output;
    }
}
