using DbGate.Core.Baselines;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

[Collection(PostgresServerGroup.Name)]
public sealed class BaselineTests(PostgresFixture server)
{
    private const string Legacy =
        "CREATE TABLE users (id serial PRIMARY KEY, name varchar(80), created timestamp);\n"
        + "CREATE TABLE logs (line text);\n"
        + "CREATE TABLE posts (id serial PRIMARY KEY, author_id integer NOT NULL REFERENCES users, body json);\n";

    [Fact]
    public async Task With_a_baseline_a_new_unindexed_foreign_key_is_the_only_new_finding()
    {
        using var project = new HealthProject();
        project.Migration(Legacy);
        // As users run it: with the lint, whose findings about the legacy migration the baseline accepts too.
        var before = await project.RunObservedAsync(server);
        Assert.True(before.Health().Count >= 5, string.Join("; ", before.Health()));
        await BaselineFile.WriteAsync(Path.Combine(project.Path, BaselineFile.DefaultName), before.Findings, CancellationToken.None);

        // Written as the lint asks (a lock_timeout before locking posts), so the unindexed key is all there is to say.
        var added = project.Migration(
            "SET lock_timeout = '5s';\nCREATE TABLE comments (id bigint PRIMARY KEY, post_id integer NOT NULL REFERENCES posts, body text NOT NULL);\n",
            "SET lock_timeout = '5s';\nDROP TABLE comments;\n");
        var after = await project.RunObservedAsync(server);

        var finding = Assert.Single(after.Findings);
        Assert.Equal(("DBG201", "constraint public.comments.comments_post_id_fkey", $"{added}:2:1"), (finding.RuleId, finding.Subject, finding.Location?.ToString()));
        Assert.Equal(before.Findings.Count, after.Baseline!.Accepted.Count);
        Assert.Empty(after.Baseline.Stale);
    }

    [Fact]
    public async Task An_entry_nothing_matches_any_more_is_reported_stale()
    {
        using var project = new HealthProject();
        project.Migration("CREATE TABLE logs (line text NOT NULL);", "DROP TABLE logs;");
        var before = await project.RunAsync(server);
        await BaselineFile.WriteAsync(Path.Combine(project.Path, BaselineFile.DefaultName), before.Findings, CancellationToken.None);

        project.Migration("ALTER TABLE logs ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;", "ALTER TABLE logs DROP COLUMN id;");
        var after = await project.RunAsync(server);

        Assert.Empty(after.Findings);
        Assert.Equal(["DBG202 table public.logs"], after.Baseline!.Stale);
    }

    [Fact]
    public async Task A_baseline_named_in_dbgate_yml_must_exist()
    {
        using var project = new HealthProject();
        project.Migration("SELECT 1");
        project.Config("baseline: accepted.json\n");

        var error = await Assert.ThrowsAsync<Core.Configuration.ConfigurationException>(() => project.RunAsync(server));

        Assert.StartsWith("baseline file not found: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_baseline_command_writes_what_check_then_accepts()
    {
        using var project = new HealthProject();
        project.Migration(Legacy);

        var (written, output, _) = await CliProcess.RunAsync("baseline", project.Path, "--connection", server.AdminConnectionString);
        var (checkedExit, report, _) = await CliProcess.RunAsync("check", project.Path, "--connection", server.AdminConnectionString, "--fail-on", "note");

        Assert.Equal(0, written);
        Assert.Contains("accepted finding(s) to", output, StringComparison.Ordinal);
        Assert.Equal(0, checkedExit);
        Assert.Contains("accepted by the baseline dbgate.baseline.json", report, StringComparison.Ordinal);
    }
}
