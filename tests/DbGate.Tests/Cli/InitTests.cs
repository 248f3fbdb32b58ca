using DbGate.Core.Configuration;
using DbGate.Tests.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>`dbgate init` on a repository laid out as users have them: it finds the migrations and writes a dbgate.yml that works.</summary>
public sealed class InitTests : IDisposable
{
    private readonly TempFolder _repository = new();

    private async Task<(int Exit, string Output, string Error)> InitAsync(params string[] arguments)
    {
        using var cli = CliProcess.Start(["init", .. arguments], workingDirectory: _repository.Path);
        return await cli.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Init_finds_the_migrations_and_writes_a_commented_dbgate_yml_that_the_schema_and_the_reader_accept()
    {
        Samples.Copy("shop-broken", Path.Combine(_repository.Path, "services", "db"));
        File.Delete(Path.Combine(_repository.Path, "services", "db", "dbgate.yml"));
        _repository.Write("src/App/Program.cs", "// not migrations\n");

        var (exit, output, _) = await InitAsync();

        var config = Path.Combine(_repository.Path, "dbgate.yml");
        Assert.Equal(0, exit);
        Assert.Contains("9 diesel migrations in services/db/migrations", output, StringComparison.Ordinal);
        var text = File.ReadAllText(config);
        Assert.StartsWith("# yaml-language-server: $schema=https://raw.githubusercontent.com/dbgate-ci/dbgate/main/docs/schemas/dbgate.schema.json\n", text, StringComparison.Ordinal);
        Assert.Contains("migrations: services/db/migrations # 9 diesel migrations found here\n", text, StringComparison.Ordinal);
        Assert.Contains("format: diesel  ", text, StringComparison.Ordinal);
        Assert.Empty(await ConfigSchemaTests.ValidateAsync(text));
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None);
        Assert.Equal(Path.Combine(_repository.Path, "services", "db", "migrations"), options.MigrationsPath);
        Assert.Equal("diesel", options.Format);
    }

    [Fact]
    public async Task Init_never_replaces_a_dbgate_yml_without_force()
    {
        Samples.Copy("shop", Path.Combine(_repository.Path, "db"));
        _repository.Write("dbgate.yml", "fail_on: warning\n");

        var (exit, _, error) = await InitAsync();

        Assert.Equal(2, exit);
        Assert.Equal($"dbgate: {Path.Combine(_repository.Path, "dbgate.yml")} already exists: pass --force to replace it", error.Trim());
        Assert.Equal("fail_on: warning\n", File.ReadAllText(Path.Combine(_repository.Path, "dbgate.yml")));
        Assert.Equal(0, (await InitAsync("--force")).Exit);
        Assert.Contains("format: golang-migrate", File.ReadAllText(Path.Combine(_repository.Path, "dbgate.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_without_migrations_is_a_one_line_usage_error()
    {
        _repository.Write("README.md", "nothing here\n");

        var (exit, _, error) = await InitAsync();

        Assert.Equal(2, exit);
        Assert.StartsWith($"dbgate: no migrations found under {_repository.Path}", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    public void Dispose() => _repository.Dispose();
}
