using DbGate.Core.Configuration;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Configuration;

public sealed class OptionsResolverTests
{
    [Fact]
    public async Task Dbgate_yml_beside_the_path_is_read_and_command_line_options_override_it()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "migrations: db\nfail_on: warning\npostgres:\n  provider: local\nreports:\n  sarif: out/x.sarif\n");

        var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path, FailOn: "note"), folder.Path, CancellationToken.None);

        Assert.Equal(Path.Combine(folder.Path, "db"), options.MigrationsPath);
        Assert.Equal(Level.Note, options.FailOn);
        Assert.Equal("local", options.Provider);
        Assert.Equal(Path.Combine(folder.Path, "out", "x.sarif"), options.Reports.Sarif);
    }

    [Fact]
    public async Task Least_privilege_is_the_default_and_dbgate_yml_opts_in_to_superuser_and_lists_extensions()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "postgres:\n  superuser: true\n  extensions: [postgis, \"uuid-ossp\"]\n");

        var configured = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None);
        var defaults = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path, ConfigFile: folder.Write("empty.yml", "{}")), folder.Path, CancellationToken.None);

        Assert.True(configured.Superuser);
        Assert.Equal(["postgis", "uuid-ossp"], configured.Extensions);
        Assert.Equal((false, 0), (defaults.Superuser, defaults.Extensions.Count));
    }

    [Fact]
    public async Task A_misspelt_key_is_reported_with_its_line_column_and_the_key_meant()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "migrations: db\nfail_onn: warning\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None));

        Assert.Equal("dbgate.yml:2:1: unknown key 'fail_onn' (did you mean 'fail_on'?)", error.Message);
    }

    [Theory]
    [InlineData("fail_on: fatal\n", "dbgate.yml:1:10: fail_on must be one of error, warning, note, none (got 'fatal')")]
    [InlineData("postgres:\n  provider: kubernetes\n", "dbgate.yml:2:13: postgres.provider must be one of auto, local, docker, external (got 'kubernetes')")]
    [InlineData("statement_timeout: soon\n", "dbgate.yml:1:20: statement_timeout must be a duration such as 30s, 5min or 500ms (got 'soon')")]
    [InlineData("rules:\n  DBG005: loud\n", "dbgate.yml:2:11: rules.DBG005 must be one of error, warning, note, none (got 'loud')")]
    [InlineData("postgres:\n  extensions: [\"pg_trgm; DROP\"]\n", "dbgate.yml:2:15: postgres.extensions: 'pg_trgm; DROP' is not an extension name (letters, digits, '_' and '-')")]
    public async Task Bad_values_are_one_line_errors_at_their_place_in_the_file(string yaml, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", yaml);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task Malformed_yaml_is_located()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "migrations: [db\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None));

        Assert.StartsWith("dbgate.yml:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_in_dbgate_yml_is_taken_from_the_variable_it_names()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "postgres:\n  connection: ${DBGATE_TEST_SECRET_CONN}\n");
        Environment.SetEnvironmentVariable("DBGATE_TEST_SECRET_CONN", "Host=db;Password=s3cret");

        var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None);

        Assert.Equal("Host=db;Password=s3cret", options.Connection);
    }

    [Fact]
    public async Task A_missing_folder_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments("nowhere"), folder.Path, CancellationToken.None));

        Assert.Equal("folder not found: nowhere", error.Message);
    }
}
