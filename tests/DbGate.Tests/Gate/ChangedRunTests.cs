using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Gate;

/// <summary>
/// `check --changed` on a real repository and the local provider: only new or changed migrations are gated, on
/// a cached cluster of the unchanged prefix that is rebuilt when that prefix or the server changes and shared safely.
/// </summary>
public sealed class ChangedRunTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private string Repository => Path.Combine(_folder.Path, "repo");
    private string Cache => Path.Combine(_folder.Path, "cache");

    private static Dictionary<string, string?> Environment => new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "t",
        ["GIT_AUTHOR_EMAIL"] = "t@example.com",
        ["GIT_COMMITTER_NAME"] = "t",
        ["GIT_COMMITTER_EMAIL"] = "t@example.com",
    };

    private async Task CreateRepositoryAsync()
    {
        Samples.Copy("shop", Repository);
        await Git("init", "-q", "-b", "main");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "base");
        await Git("checkout", "-q", "-b", "feature");
    }

    private Task<Processes.Result> Git(params string[] arguments) => Processes.RunAsync("git", arguments, Repository, Environment);

    private void Write(string name, string up, string down)
    {
        File.WriteAllText(Path.Combine(Repository, "migrations", name + ".up.sql"), up);
        File.WriteAllText(Path.Combine(Repository, "migrations", name + ".down.sql"), down);
    }

    private string Report => Path.Combine(_folder.Path, "report.json");

    private async Task<(int Exit, string Output, string Error)> CheckChangedAsync()
    {
        using var cli = CliProcess.Start(["check", ".", "--changed", "--provider", "local", "--verbose", "--json", Report], new Dictionary<string, string> { ["DBGATE_CACHE"] = Cache }, Repository);
        return await cli.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Only_the_new_migration_is_gated_concurrent_cold_runs_share_one_cache_entry_and_the_next_run_starts_from_it()
    {
        await CreateRepositoryAsync();
        Write("0008_customer_nickname", "SET lock_timeout = '5s';\nALTER TABLE customers ADD COLUMN nickname text;", "SET lock_timeout = '5s';\nALTER TABLE customers DROP COLUMN nickname;");

        var cold = await Task.WhenAll(CheckChangedAsync(), CheckChangedAsync());

        Assert.All(cold, run => Assert.True(run.Exit == 0, run.Output + run.Error));
        Assert.All(cold, run => Assert.Contains("1 of 8 migrations new or changed since main; 7 unchanged before them", run.Error, StringComparison.Ordinal));
        Assert.All(cold, run => Assert.Contains("3 steps, 0 errors, 0 warnings", run.Output, StringComparison.Ordinal));
        Assert.Contains(cold, run => run.Error.Contains("prefix cache miss", StringComparison.Ordinal));
        var entries = Directory.GetDirectories(Path.Combine(Cache, "prefixes")).Select(Path.GetFileName).ToList();
        Assert.Single(entries, name => !name!.StartsWith('.'));
        Assert.DoesNotContain(entries, name => name!.StartsWith(".staging", StringComparison.Ordinal));

        var warm = await CheckChangedAsync();

        Assert.Equal(0, warm.Exit);
        Assert.Contains("prefix cache hit: 7 unchanged migrations", warm.Error, StringComparison.Ordinal);
        Assert.Contains("3 steps, 0 errors, 0 warnings", warm.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_edited_in_place_or_inserted_before_the_last_applied_one_is_reported_and_gated_with_everything_after_it()
    {
        await CreateRepositoryAsync();
        File.AppendAllText(Path.Combine(Repository, "migrations", "0004_order_totals_view.up.sql"), "\n-- edited after it shipped\n");
        Write("0000_customer_vip", "CREATE TABLE vip (customer_id integer);", "DROP TABLE vip;");

        var (exit, output, error) = await CheckChangedAsync();

        Assert.True(exit == 0, output + error);
        Assert.Contains("dbgate: warning: 0000_customer_vip is new but sorts before 0007_validate_customer_phone, which main already has", error, StringComparison.Ordinal);
        Assert.Contains("dbgate: warning: 0004_order_totals_view was edited since main: a database that already ran it will not run it again", error, StringComparison.Ordinal);
        Assert.Contains("8 of 8 migrations new or changed since main; 0 unchanged before them", error, StringComparison.Ordinal);
        Assert.Contains("24 steps", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_diagram_of_a_changed_run_shows_the_tables_every_new_migration_touched()
    {
        await CreateRepositoryAsync();
        Write("0008_customer_nickname", "ALTER TABLE customers ADD COLUMN nickname text;", "ALTER TABLE customers DROP COLUMN nickname;");
        Write("0009_product_gtin", "ALTER TABLE products ADD COLUMN gtin text;", "ALTER TABLE products DROP COLUMN gtin;");
        var summary = Path.Combine(_folder.Path, "summary.md");

        using var cli = CliProcess.Start(["check", ".", "--changed", "--provider", "local", "--markdown", summary], new Dictionary<string, string> { ["DBGATE_CACHE"] = Cache }, Repository);
        var (_, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(File.Exists(summary), output + error);
        var text = await File.ReadAllTextAsync(summary);
        // customers is no neighbour of products: only the first new migration puts it in the diagram.
        Assert.True(text.Contains("\"public.customers\" {", StringComparison.Ordinal), text + output + error);
        Assert.True(text.Contains("\"public.products\" {", StringComparison.Ordinal), text + output + error);
    }

    [Fact]
    public async Task A_finding_on_an_object_of_the_cached_prefix_points_at_the_statement_that_created_it_on_a_miss_and_on_a_hit()
    {
        Samples.Copy("shop", Repository);
        // Unchanged on the branch, so it is part of the cached prefix; its second statement makes a table without a key.
        Write("0008_audit", "CREATE TABLE audit_note (id integer PRIMARY KEY, body text);\nCREATE TABLE audit_log (at timestamptz, body text);", "DROP TABLE audit_log;\nDROP TABLE audit_note;");
        await Git("init", "-q", "-b", "main");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "base");
        await Git("checkout", "-q", "-b", "feature");
        Write("0009_customer_nickname", "ALTER TABLE customers ADD COLUMN nickname text;", "ALTER TABLE customers DROP COLUMN nickname;");

        var cold = await CheckChangedAsync();
        Assert.True(cold.Exit == 0, cold.Output + cold.Error);
        var coldOrigin = AuditLogOrigin();
        var warm = await CheckChangedAsync();
        var warmOrigin = AuditLogOrigin();

        Assert.Contains("prefix cache miss", cold.Error, StringComparison.Ordinal);
        Assert.Contains("prefix cache hit: 8 unchanged migrations", warm.Error, StringComparison.Ordinal);
        Assert.Equal("migrations/0008_audit.up.sql:2", coldOrigin);
        Assert.Equal("migrations/0008_audit.up.sql:2", warmOrigin);
    }

    [Fact]
    public async Task A_role_the_cached_prefix_created_is_still_checked_and_points_at_its_create_role_on_a_miss_and_on_a_hit()
    {
        Samples.Copy("shop", Repository);
        File.AppendAllText(Path.Combine(Repository, "dbgate.yml"), "postgres:\n  superuser: true\n");
        // Unchanged on the branch, so it is part of the cached prefix; its second statement makes a role DBG314 reports.
        Write("0008_auditor", "CREATE TABLE audit_note (id integer PRIMARY KEY, body text);\nCREATE ROLE auditor BYPASSRLS;", "DROP ROLE auditor;\nDROP TABLE audit_note;");
        await Git("init", "-q", "-b", "main");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "base");
        await Git("checkout", "-q", "-b", "feature");
        Write("0009_customer_nickname", "ALTER TABLE customers ADD COLUMN nickname text;", "ALTER TABLE customers DROP COLUMN nickname;");

        var cold = await CheckChangedAsync();
        var coldOrigin = Origin("DBG314", "role auditor");
        var warm = await CheckChangedAsync();
        var warmOrigin = Origin("DBG314", "role auditor");

        Assert.True(cold.Exit == 1, cold.Output + cold.Error);
        Assert.Contains("prefix cache miss", cold.Error, StringComparison.Ordinal);
        Assert.Contains("prefix cache hit: 8 unchanged migrations", warm.Error, StringComparison.Ordinal);
        Assert.Equal("migrations/0008_auditor.up.sql:2", coldOrigin);
        Assert.Equal("migrations/0008_auditor.up.sql:2", warmOrigin);
    }

    /// <summary>Where the last run's JSON report places DBG202 (table without a primary key) on public.audit_log.</summary>
    private string? AuditLogOrigin() => Origin("DBG202", "table public.audit_log");

    /// <summary>Where the last run's JSON report places the one finding of <paramref name="ruleId"/> on <paramref name="subject"/>.</summary>
    private string? Origin(string ruleId, string subject)
    {
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Report));
        var finding = report.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == ruleId && f.GetProperty("subject").GetString() == subject);
        return finding.TryGetProperty("location", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.Object
            ? $"{at.GetProperty("path").GetString()}:{at.GetProperty("line").GetInt32()}"
            : null;
    }

    [Fact]
    public async Task The_prefix_cache_key_holds_the_server_version_the_binaries_report_so_another_version_misses()
    {
        var binaries = await DbGate.Core.Providers.Local.PostgresBinaries.FindAsync(CancellationToken.None);
        Assert.NotNull(binaries);
        var reported = await Processes.RunAsync(binaries.Postgres, ["--version"], _folder.Path);
        string Key(DbGate.Core.Providers.Local.PostgresBinaries at) => DbGate.Core.Gate.PrefixStart.Key(at, runAs: null, "flat", ["0001:abc"]);

        // The version is read from the server binaries themselves, not assumed from their folder.
        Assert.Contains(binaries.Version, reported.Output, StringComparison.Ordinal);
        // A cluster initdb'd by one server cannot start under another: the same migrations, format and folder under
        // another version (a major upgrade, or a minor one installed in place) key another entry.
        Assert.Equal(Key(binaries), Key(binaries with { }));
        Assert.NotEqual(Key(binaries), Key(binaries with { Version = "17.2" }));
        Assert.NotEqual(Key(binaries), Key(binaries with { Version = binaries.Version + ".1" }));
    }

    [DockerFact]
    public async Task A_run_on_postgres_17_in_docker_after_one_on_the_local_15_never_starts_from_the_15_cache()
    {
        await CreateRepositoryAsync();
        Write("0008_customer_nickname", "SET lock_timeout = '5s';\nALTER TABLE customers ADD COLUMN nickname text;", "SET lock_timeout = '5s';\nALTER TABLE customers DROP COLUMN nickname;");
        var local = await CheckChangedAsync();
        Assert.True(local.Exit == 0, local.Output + local.Error);
        var entries = Directory.GetDirectories(Path.Combine(Cache, "prefixes")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        using var cli = CliProcess.Start(["check", ".", "--changed", "--provider", "docker", "--image", "dbgate/postgres:17", "--verbose", "--json", Report], new Dictionary<string, string> { ["DBGATE_CACHE"] = Cache }, Repository);
        var docker = await cli.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(docker.ExitCode == 0, docker.Output + docker.Error);
        Assert.Contains("no prefix cache with the docker provider: applying the 7 unchanged migrations forward", docker.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("prefix cache hit", docker.Error, StringComparison.Ordinal);
        Assert.Contains("3 steps, 0 errors, 0 warnings", docker.Output, StringComparison.Ordinal);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Report));
        var server = report.RootElement.GetProperty("server").GetString() ?? "";
        Assert.Contains("docker", server, StringComparison.Ordinal);
        Assert.Matches(@"\b17\.\d", server);
        // The local 15's entry is untouched: neither used nor replaced by the run on 17.
        Assert.Equal(entries, Directory.GetDirectories(Path.Combine(Cache, "prefixes")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task With_nothing_changed_no_server_starts_and_the_run_passes()
    {
        await CreateRepositoryAsync();

        var (exit, output, error) = await CheckChangedAsync();

        Assert.Equal(0, exit);
        Assert.Contains("0 of 7 migrations new or changed since main", error, StringComparison.Ordinal);
        Assert.Contains("0 steps, 0 errors, 0 warnings", output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting PostgreSQL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_repository_changed_is_a_one_line_usage_error()
    {
        Samples.Copy("shop", Repository);

        var (exit, _, error) = await CheckChangedAsync();

        Assert.Equal(2, exit);
        Assert.EndsWith($"dbgate: --changed needs a git repository, and {Path.Combine(Repository, "migrations")} is not in one", error.Trim(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
