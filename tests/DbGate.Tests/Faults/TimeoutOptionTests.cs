using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Faults;

/// <summary>Where the whole run's limit comes from: --timeout over timeout in dbgate.yml over the default.</summary>
public sealed class TimeoutOptionTests
{
    [Theory]
    [InlineData(null, null, 1800.0)]
    [InlineData("timeout: 10min", null, 600.0)]
    [InlineData("timeout: 10min", "45s", 45.0)]
    [InlineData("timeout: 0", null, null)]
    [InlineData(null, "0", null)]
    public async Task The_command_line_overrides_dbgate_yml_which_overrides_a_30_minute_default_and_0_means_no_limit(string? yaml, string? argument, double? seconds)
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", yaml ?? "fail_on: error\n");

        var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path, Timeout: argument), folder.Path, CancellationToken.None);

        Assert.Equal(seconds, options.Timeout?.TotalSeconds);
    }

    [Theory]
    [InlineData("timeout: soon\n", null, "dbgate.yml:1:10: timeout must be a duration such as 30s, 5min or 500ms (got 'soon')")]
    [InlineData("", "forever", "--timeout must be a duration such as 30s, 5min or 500ms (got 'forever')")]
    public async Task A_timeout_that_is_no_duration_is_a_one_line_error_naming_where_it_came_from(string yaml, string? argument, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", yaml);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            OptionsResolver.ResolveAsync(new CheckArguments(folder.Path, Timeout: argument), folder.Path, CancellationToken.None));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task The_command_lines_timeout_and_versions_each_reach_their_own_option()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "SELECT 1;");

        var (exit, output, error) = await CliProcess.RunAsync("check", folder.Path, "--versions", "15", "--timeout", "forever");

        Assert.Equal((2, "", "dbgate: --timeout must be a duration such as 30s, 5min or 500ms (got 'forever')\n"), (exit, output, error));
    }
}
