using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// `check --changed` on a Flyway repository: the repeatables of the base are in the database a change meets, an
/// edited one runs again over the base's version (Flyway reruns it when its checksum changes), an unchanged one does not.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class RepeatableChangeTests(PostgresFixture server) : IDisposable
{
    private readonly TempFolder _repository = new();

    private static readonly Dictionary<string, string?> GitEnvironment = new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "t",
        ["GIT_AUTHOR_EMAIL"] = "t@example.com",
        ["GIT_COMMITTER_NAME"] = "t",
        ["GIT_COMMITTER_EMAIL"] = "t@example.com",
    };

    [Fact]
    public async Task An_edited_repeatable_runs_again_over_the_bases_version_and_fails_where_flyway_would()
    {
        await CommitBaseAsync();
        // CREATE OR REPLACE VIEW cannot drop a column of the view the database already has.
        _repository.Write("R__balances.sql", "CREATE OR REPLACE VIEW balances AS SELECT id, balance FROM accounts;");

        var (result, warnings) = await CheckChangedAsync();

        Assert.Equal(["DBG001 R__balances"], result.Verdicts());
        Assert.Contains("cannot drop columns from view", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["R__balances"], result.Steps.Select(s => s.Migration).Distinct());
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_new_migration_meets_the_bases_repeatables_and_an_unchanged_repeatable_is_not_run_again()
    {
        await CommitBaseAsync();
        _repository.Write("V2__drop_owner.sql", "ALTER TABLE accounts DROP COLUMN owner;");
        _repository.Write("U2__drop_owner.sql", "ALTER TABLE accounts ADD COLUMN owner text;");

        var (result, _) = await CheckChangedAsync();

        // The view the base's repeatable made depends on the column, as it does in production.
        Assert.Equal(["DBG001 V2__drop_owner"], result.Verdicts());
        Assert.Contains("other objects depend on it", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["V2__drop_owner"], result.Steps.Select(s => s.Migration).Distinct());
    }

    private async Task CommitBaseAsync()
    {
        _repository.Write("V1__accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance int);");
        _repository.Write("U1__accounts.sql", "DROP VIEW IF EXISTS balances;\nDROP TABLE accounts;");
        _repository.Write("R__balances.sql", "CREATE OR REPLACE VIEW balances AS SELECT id, owner, balance FROM accounts;");
        foreach (var arguments in new[] { new[] { "init", "-q", "-b", "main" }, ["add", "-A"], ["commit", "-q", "-m", "base"] })
        {
            var git = await Processes.RunAsync("git", arguments, _repository.Path, GitEnvironment);
            Assert.True(git.ExitCode == 0, git.Error);
        }
    }

    private async Task<(GateResult Result, List<string> Warnings)> CheckChangedAsync()
    {
        var warnings = new List<string>();
        var options = new GateOptions(_repository.Path, _repository.Path, Provider: "external", Connection: server.AdminConnectionString)
        {
            Lint = new(false),
            Health = Core.Rules.Schema.HealthSettings.Default with { Enabled = false },
            ChangedSince = "main",
        };
        var result = await GateRunner.RunAsync(options, new GateProgress { Warn = warnings.Add }, CancellationToken.None);
        return (result, warnings);
    }

    public void Dispose() => _repository.Dispose();
}
