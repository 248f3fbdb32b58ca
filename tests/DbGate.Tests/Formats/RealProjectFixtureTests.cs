using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// Migrations taken verbatim from real public projects (tests/fixtures/real, their licence and source beside each):
/// each is detected as its tool's format, every step runs up, down and up again, and the gate, with lint and schema
/// health on, reports exactly what reading the SQL shows is there. One gate run per project.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed partial class RealProjectFixtureTests(PostgresFixture server)
{
    [Fact]
    public async Task The_sqitch_tutorials_flipr_deploys_reworked_changes_from_their_tagged_scripts_and_every_revert_restores()
    {
        var result = await RunAsync("real/sqitch/sqitch-intro", "sqitch");

        // insert_user and change_pass are reworked after @v1.0.0-dev2: their first versions are the name@v1.0.0-dev2 scripts.
        Assert.Equal(
            ["appschema", "users", "insert_user@v1.0.0-dev2", "change_pass@v1.0.0-dev2", "lists", "insert_list", "delete_list",
             "flips", "insert_flip", "delete_flip", "pgcrypto", "insert_user", "change_pass"],
            result.Steps.Select(s => s.Migration).Distinct());
        Assert.Equal(
            [
                "DBG107 flips", "DBG107 flips", "DBG107 lists", "DBG107 lists", "DBG107 users", // no lock_timeout before locking flipr.users
                "DBG201 flips", "DBG201 lists", // REFERENCES flipr.users(nickname) with no index on nickname
                "DBG202 lists", // flipr.lists has no primary key
                "DBG212 flips", // id BIGSERIAL
                // SECURITY DEFINER functions without SET search_path (DBG301), executable by PUBLIC (DBG302)
                "DBG301 change_pass@v1.0.0-dev2", "DBG301 delete_flip", "DBG301 delete_list", "DBG301 insert_flip", "DBG301 insert_list", "DBG301 insert_user@v1.0.0-dev2",
                "DBG302 change_pass@v1.0.0-dev2", "DBG302 delete_flip", "DBG302 delete_list", "DBG302 insert_flip", "DBG302 insert_list", "DBG302 insert_user@v1.0.0-dev2",
                "DBG313 pgcrypto", // CREATE EXTENSION pgcrypto, into public
                "DBG315 users", // a password column of type text
            ],
            result.Verdicts());
        Assert.Equal(new SourceLocation("tests/fixtures/real/sqitch/sqitch-intro/deploy/insert_user@v1.0.0-dev2.sql", 7, 1), result.Findings.Single(f => f.RuleId == "DBG301" && f.Migration == "insert_user@v1.0.0-dev2").Location);
    }

    [Fact]
    public async Task Dbmates_own_test_migrations_round_trip_cleanly_and_only_their_tables_design_is_reported()
    {
        var result = await RunAsync("real/dbmate/dbmate-testdata", "dbmate");

        Assert.Equal(["20151129054053_test_migration", "20200227231541_test_posts"], result.Steps.Select(s => s.Migration).Distinct());
        const string Users = "20151129054053_test_migration", Posts = "20200227231541_test_posts";
        // Each down is a DROP TABLE without lock_timeout (DBG107); each table has no primary key (DBG202), only
        // nullable columns (DBG211) and a varchar(255) (DBG219).
        Assert.Equal(
            [$"DBG107 {Users}", $"DBG107 {Posts}", $"DBG202 {Users}", $"DBG202 {Posts}", $"DBG211 {Users}", $"DBG211 {Posts}", $"DBG219 {Users}", $"DBG219 {Posts}"],
            result.Verdicts());
        Assert.Equal(new SourceLocation($"tests/fixtures/real/dbmate/dbmate-testdata/db/migrations/{Users}.sql", 9, 1), result.Findings.Single(f => f.RuleId == "DBG107" && f.Migration == Users).Location);
    }

    [Fact]
    public async Task Prismas_heroku_example_runs_forward_only_and_its_foreign_key_without_an_index_and_serial_keys_are_reported()
    {
        var result = await RunAsync("real/prisma/prisma-examples-heroku", "prisma", forwardOnly: true);

        Assert.Equal(["20210310152103_init"], result.Steps.Select(s => s.Migration).Distinct());
        // "authorId" REFERENCES "User" with no index on it (DBG201); two SERIAL keys (DBG212); Prisma's quoted mixed-case
        // names: the tables, the column, their sequences, the keys' constraints and the "User.email_unique" index (DBG221).
        Assert.Equal(["DBG201 public.Post", "DBG212 public.Post.id", "DBG212 public.User.id"], result.Findings.Where(f => f.RuleId != "DBG221").Select(f => $"{f.RuleId} {f.Message.Split(' ')[f.RuleId == "DBG201" ? 4 : 1]}").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["column public.Post.authorId", "constraint public.Post.Post_authorId_fkey", "constraint public.Post.Post_pkey", "constraint public.User.User_pkey",
             "index public.User.email_unique", "sequence public.Post_id_seq", "sequence public.User_id_seq", "table public.Post", "table public.User"],
            result.Findings.Where(f => f.RuleId == "DBG221").Select(f => string.Join(' ', f.Message.Split(' ').Take(2))).Order(StringComparer.Ordinal));
    }

    /// <summary>The gate with lint and health on; every step of a real project's history must apply, down and redo included.</summary>
    private async Task<GateResult> RunAsync(string fixture, string format, bool forwardOnly = false)
    {
        Assert.Equal([format], MigrationDiscovery.Detect(Path.GetFullPath(RepoPaths.Fixture(fixture))));

        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture(fixture), o => o with { Lint = new(), Health = Core.Rules.Schema.HealthSettings.Default });

        Assert.All(result.Steps, s => Assert.Equal(Outcome.Passed, s.Outcome));
        var phases = forwardOnly ? new[] { Phase.Up } : [Phase.Up, Phase.Down, Phase.Redo];
        Assert.Equal(result.Steps.Select(s => s.Migration).Distinct().SelectMany(_ => phases), result.Steps.Select(s => s.Phase));
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        if (forwardOnly)
            Assert.Equal([$"round trip not applicable: {format} migrations are forward only (the tool has no downs); every up still runs and is checked"], result.Notices);
        else
            Assert.Empty(result.Notices);
        return result;
    }
}
