using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// The Flyway family's and Liquibase's real projects: Netflix Conductor's Flyway migrations, Evolve's and Liquibase's own
/// PostgreSQL test scripts. Evolve's first-line options and Liquibase's '--rollback empty' and spaced author were read
/// wrongly until these ran.
/// </summary>
public sealed partial class RealProjectFixtureTests
{
    [Fact]
    public async Task Netflix_conductors_flyway_migrations_run_from_their_classpath_location_and_every_lock_they_take_is_reported()
    {
        var result = await RunForwardOnlyAsync("real/flyway/netflix-conductor-postgres", "flyway");

        Assert.Equal(
            ["V1__initial_schema", "V2__1009_Fix_PostgresExecutionDAO_Index", "V3__correlation_id_index", "V4__new_qm_index_with_priority",
             "V5__new_queue_message_pk", "V6__update_pk", "V7__new_qm_index_desc_priority"],
            result.Steps.Select(s => s.Migration));
        // V6 repeats V5's queue_message block with IF EXISTS: the index and column V5 dropped are gone, so DROP INDEX and
        // DROP COLUMN are reported for the other 12 tables only (observed, not parsed), while the re-added keys are 13.
        Assert.Equal(
            ["DBG101 V3__correlation_id_index ×1", "DBG104 V5__new_queue_message_pk ×1", "DBG104 V6__update_pk ×13", "DBG105 V6__update_pk ×1",
             "DBG106 V2__1009_Fix_PostgresExecutionDAO_Index ×1", "DBG106 V4__new_qm_index_with_priority ×1", "DBG106 V5__new_queue_message_pk ×1", "DBG106 V6__update_pk ×13", "DBG106 V7__new_qm_index_desc_priority ×1",
             "DBG107 V2__1009_Fix_PostgresExecutionDAO_Index ×2", "DBG107 V3__correlation_id_index ×1", "DBG107 V4__new_qm_index_with_priority ×2", "DBG107 V5__new_queue_message_pk ×2", "DBG107 V6__update_pk ×26", "DBG107 V7__new_qm_index_desc_priority ×2",
             "DBG108 V2__1009_Fix_PostgresExecutionDAO_Index ×1", "DBG108 V4__new_qm_index_with_priority ×1", "DBG108 V5__new_queue_message_pk ×1", "DBG108 V6__update_pk ×13", "DBG108 V7__new_qm_index_desc_priority ×1",
             "DBG110 V5__new_queue_message_pk ×1", "DBG110 V6__update_pk ×12",
             "DBG118 V2__1009_Fix_PostgresExecutionDAO_Index ×1", "DBG118 V4__new_qm_index_with_priority ×1", "DBG118 V5__new_queue_message_pk ×1", "DBG118 V6__update_pk ×12", "DBG118 V7__new_qm_index_desc_priority ×1",
             // The schema after V7: timestamp without time zone (DBG216), varchar(255) (DBG219), one SERIAL key left (DBG212).
             "DBG204 V1__initial_schema ×4", "DBG211 V1__initial_schema ×4", "DBG212 V1__initial_schema ×1", "DBG216 V1__initial_schema ×27", "DBG219 V1__initial_schema ×29"],
            Counted(result));
        Assert.Equal(
            new SourceLocation("tests/fixtures/real/flyway/netflix-conductor-postgres/src/main/resources/db/migration_postgres/V3__correlation_id_index.sql", 3, 1),
            result.Findings.Single(f => f.RuleId == "DBG101").Location);
    }

    [Fact]
    public async Task Evolves_own_postgresql_scripts_replace_the_placeholder_run_the_tx_off_vacuum_outside_a_transaction_and_repeatables_last()
    {
        // Evolve's test sets ${schema1} to a schema its Schemas option creates; DbGate creates none, so public stands in.
        var result = await RunForwardOnlyAsync("real/evolve/evolve-postgresql-tests", "evolve", "flyway", new() { ["schema1"] = "public" });

        Assert.Equal(
            ["V1_0__create_tables", "V2_0__create_views", "V2_1__create_mat_views", "V3_0__create_sequences", "V4_0__base_types", "V4_1__domains",
             "V5_0__aggregates", "V6_0__functions", "V6_1__procedures", "V7_0__enums", "V8_1__empty", "R__Repeatable_migration", "R__Vacuum"],
            result.Steps.Select(s => s.Migration));
        Assert.Equal(
            ["DBG202 V1_0__create_tables ×3", "DBG202 V4_0__base_types ×1", "DBG202 V7_0__enums ×1", "DBG211 V1_0__create_tables ×6", "DBG211 V7_0__enums ×1",
             "DBG212 V4_0__base_types ×1", "DBG212 V4_1__domains ×1", "DBG214 V3_0__create_sequences ×1", "DBG218 V1_0__create_tables ×1", "DBG219 V1_0__create_tables ×7"],
            Counted(result));
        Assert.Contains(result.Findings, f => f.RuleId == "DBG202" && f.Message.StartsWith("table public.distributors4 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Liquibases_own_formatted_sql_runs_every_rollback_and_reports_the_changesets_liquibase_cannot_roll_back()
    {
        var fixture = "real/liquibase/liquibase-integration-tests";
        Assert.Equal(["liquibase"], MigrationDiscovery.Detect(Path.GetFullPath(RepoPaths.Fixture(fixture))));

        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture(fixture), o => o with { Lint = new(), Health = Core.Rules.Schema.HealthSettings.Default });

        // Alphabetical, as Liquibase's includeAll: common/, init/, pgsql/. A bare "--rollback" (nvoxland:1) is a plain
        // comment to Liquibase, so its next line stays in the up; "-- rollback empty" (flautert:3324_2) has nothing to undo.
        string[] reversible = ["flautert:3324_1", "your.name:1", "your.name:2", "other.dev:3"];
        Assert.Equal(
            ["flautert:3324_1", "flautert:3324_2", "nvoxland:1", "nvoxland:2", "ryan:1", "ryan:2", "ryan:1-bar", "ryan:1-foo", "your.name:1", "your.name:2", "other.dev:3", "asmith:01", "Liquibase User:3"],
            result.Steps.Select(s => s.Migration).Distinct());
        Assert.All(result.Steps, s => Assert.Equal(s.Phase == Phase.Up || reversible.Contains(s.Migration) ? Outcome.Passed : Outcome.Skipped, s.Outcome));
        Assert.Equal(["flautert:3324_2 Up"], result.Steps.Where(s => s.Migration == "flautert:3324_2").Select(s => $"{s.Migration} {s.Phase}"));
        Assert.Equal(
            ["DBG005 Liquibase User:3", "DBG005 asmith:01", "DBG005 nvoxland:1", "DBG005 nvoxland:2", "DBG005 ryan:1", "DBG005 ryan:1-bar", "DBG005 ryan:1-foo", "DBG005 ryan:2"],
            result.Verdicts().Where(v => v.StartsWith("DBG0", StringComparison.Ordinal)));
        Assert.Equal(
            ["DBG107 Liquibase User:3 ×1", "DBG107 flautert:3324_1 ×1", "DBG107 other.dev:3 ×2", "DBG107 your.name:1 ×1", "DBG107 your.name:2 ×1",
             "DBG202 asmith:01 ×1", "DBG202 flautert:3324_1 ×1", "DBG202 ryan:1 ×1", "DBG202 ryan:1-bar ×1", "DBG202 ryan:1-foo ×1", "DBG202 ryan:2 ×1",
             "DBG211 asmith:01 ×1", "DBG211 nvoxland:1 ×1", "DBG211 ryan:1 ×1", "DBG211 ryan:1-bar ×1", "DBG211 ryan:1-foo ×1", "DBG211 ryan:2 ×1",
             "DBG219 Liquibase User:3 ×1", "DBG219 asmith:01 ×3", "DBG219 nvoxland:1 ×1", "DBG219 other.dev:3 ×1", "DBG219 your.name:1 ×4", "DBG219 your.name:2 ×4"],
            Counted(result).Where(v => !v.StartsWith("DBG0", StringComparison.Ordinal)));
        Assert.Equal(
            ["tests/fixtures/real/liquibase/liquibase-integration-tests/changelogs/pgsql/update/showSummaryWithPreconditionContinue.sql:13: the preconditions of changeset Liquibase User:3 are not honoured: DbGate runs the changeset as if they held"],
            result.Notices);
    }

    /// <summary>A Flyway-family project without undo scripts: every up passes and the round trip is said not to apply, once.</summary>
    private async Task<GateResult> RunForwardOnlyAsync(string fixture, string format, string? detected = null, Dictionary<string, string>? placeholders = null)
    {
        Assert.Equal([detected ?? format], MigrationDiscovery.Detect(Path.GetFullPath(RepoPaths.Fixture(fixture))));

        var result = await GateHarness.RunAsync(server, RepoPaths.Fixture(fixture), o => o with
        {
            Format = format,
            FormatOptions = new FormatOptions(placeholders ?? []),
            Lint = new(),
            Health = Core.Rules.Schema.HealthSettings.Default,
        });

        Assert.All(result.Steps, s => Assert.Equal((Phase.Up, Outcome.Passed), (s.Phase, s.Outcome)));
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        Assert.Equal([$"round trip not applicable: {format} migrations are forward only (the tool has no downs); every up still runs and is checked"], result.Notices);
        return result;
    }

    /// <summary>"rule migration ×count", sorted: the real projects' lint and health findings are many, their counts exact.</summary>
    private static List<string> Counted(GateResult result) =>
        result.Findings.GroupBy(f => $"{f.RuleId} {f.Migration}").Select(g => $"{g.Key} ×{g.Count()}").Order(StringComparer.Ordinal).ToList();
}
