using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

/// <summary>What a down script typically fails to restore on routines, types, views, triggers, policies and the rest.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ObjectChangeTests(PostgresFixture fixture)
{
    private const string PlusOne = "CREATE FUNCTION app.f(x integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN x + 1; END $$;";

    [Fact]
    public async Task A_function_body_that_was_not_restored_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: PlusOne,
            when: "CREATE OR REPLACE FUNCTION app.f(x integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN x + 2; END $$;");

        Assert.Equal(["function app.f(integer): body differs"], differences);
    }

    [Fact]
    public async Task Function_attributes_are_compared_one_by_one()
    {
        var differences = await fixture.DifferencesAsync(
            given: PlusOne,
            when: "ALTER FUNCTION app.f(integer) STABLE STRICT SECURITY DEFINER SET search_path = app;");

        Assert.Equal(
            [
                "function app.f(integer): CALLED ON NULL INPUT became STRICT",
                "function app.f(integer): SECURITY INVOKER became SECURITY DEFINER",
                "function app.f(integer): VOLATILE became STABLE",
                "function app.f(integer): settings none became (search_path=app)",
            ],
            differences);
    }

    [Fact]
    public async Task A_procedure_left_behind_is_named_by_its_signature()
    {
        var differences = await fixture.DifferencesAsync(
            given: "",
            when: "CREATE PROCEDURE app.archive(days integer, note text) LANGUAGE sql AS $$ SELECT 1 $$;");

        Assert.Equal(["procedure app.archive(integer, text) was left behind"], differences);
    }

    [Fact]
    public async Task An_enum_label_that_was_not_removed_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');",
            when: "ALTER TYPE app.mood ADD VALUE 'ecstatic';");

        Assert.Equal(["enum app.mood: labels (sad, ok, happy) became (sad, ok, happy, ecstatic)"], differences);
    }

    [Fact]
    public async Task Domain_and_composite_type_changes_are_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0); CREATE TYPE app.pair AS (x integer, y text);",
            when: "ALTER DOMAIN app.positive DROP CONSTRAINT positive_check; ALTER DOMAIN app.positive SET DEFAULT 1; ALTER TYPE app.pair ALTER ATTRIBUTE x TYPE bigint;");

        Assert.Equal(
            [
                "attribute app.pair.x: type integer became bigint",
                "constraint positive_check on domain app.positive is missing",
                "domain app.positive: default 1 was added",
            ],
            differences);
    }

    [Fact]
    public async Task A_changed_view_and_a_missing_materialized_view_are_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.t (a int); CREATE VIEW app.v AS SELECT a FROM app.t; CREATE MATERIALIZED VIEW app.mv AS SELECT a FROM app.t; CREATE INDEX mv_a ON app.mv (a);",
            when: "CREATE OR REPLACE VIEW app.v AS SELECT a FROM app.t WHERE a > 0; DROP MATERIALIZED VIEW app.mv;");

        Assert.Equal(["view app.v: definition differs", "materialized view app.mv is missing"], differences);
    }

    [Fact]
    public async Task A_disabled_trigger_and_a_changed_policy_are_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: """
                CREATE TABLE app.docs (owner text);
                CREATE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER docs_noop BEFORE INSERT ON app.docs FOR EACH ROW EXECUTE FUNCTION app.noop();
                CREATE POLICY own ON app.docs USING (owner = current_user);
                """,
            when: "ALTER TABLE app.docs DISABLE TRIGGER docs_noop; ALTER POLICY own ON app.docs USING (true);");

        Assert.Equal(
            [
                "trigger docs_noop on app.docs: enabled became disabled",
                "policy own on app.docs: USING (owner = CURRENT_USER) became true",
            ],
            differences);
    }

    [Fact]
    public async Task A_changed_sequence_and_a_schema_left_behind_are_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE SEQUENCE app.s;",
            when: "ALTER SEQUENCE app.s INCREMENT BY 5 NO CYCLE; CREATE SCHEMA reporting;");

        Assert.Equal(["schema reporting was left behind", "sequence app.s: increment 1 became 5"], differences);
    }

    [Fact]
    public async Task A_schema_left_behind_is_reported_without_its_contents()
    {
        var differences = await fixture.DifferencesAsync(
            given: "",
            when: """
                CREATE SCHEMA reporting;
                CREATE TABLE reporting.daily (id serial PRIMARY KEY, total numeric);
                CREATE INDEX ON reporting.daily (total);
                CREATE VIEW reporting.latest AS SELECT * FROM reporting.daily;
                CREATE TYPE reporting.period AS ENUM ('day', 'week');
                CREATE FUNCTION reporting.f() RETURNS int LANGUAGE sql RETURN 1;
                """);

        Assert.Equal(["schema reporting was left behind"], differences);
    }

    [Fact]
    public async Task Grants_are_compared_only_when_privileges_are_included()
    {
        const string Given = "CREATE TABLE app.t (a int);";
        const string When = "GRANT SELECT ON app.t TO PUBLIC;";

        var without = await fixture.DifferencesAsync(Given, When);
        var with = await fixture.DifferencesAsync(Given, When, new SnapshotOptions { IncludePrivileges = true });

        Assert.Empty(without);
        var grant = Assert.Single(with);
        Assert.Matches(@"^table app\.t: grants \((\w+)=arwdDxt/\1\) became \(=r/\1, \1=arwdDxt/\1\)$", grant);
    }

    [Fact]
    public async Task Default_privileges_left_behind_are_reported_when_privileges_are_included()
    {
        var differences = await fixture.DifferencesAsync(
            given: "",
            when: "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;",
            new SnapshotOptions { IncludePrivileges = true });

        Assert.Matches(@"^default privileges of \w+ on TABLES in schema app was left behind$", Assert.Single(differences));
    }
}
